/**
 * The Jupyter notebooks of {@code notebooks-export/}: each experiment and the comparison as runnable Java cells, in
 * English and Chinese, executed through JShell ({@link cnnvsmlp.notebook.CellRunner}) with their outputs kept
 * ({@link cnnvsmlp.notebook.NotebookExport}), the {@code .ipynb} writer ({@link cnnvsmlp.notebook.Notebook}) and the
 * comparison's verdict in each language ({@link cnnvsmlp.notebook.CompareNotebook}). Above {@code experiment},
 * whose API the cells call.
 */
package cnnvsmlp.notebook;
