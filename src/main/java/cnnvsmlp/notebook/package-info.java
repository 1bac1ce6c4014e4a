/**
 * The Jupyter notebooks of {@code notebooks-export/}: each experiment and the comparison, in English and Chinese,
 * from the newest finished runs ({@link cnnvsmlp.notebook.NotebookExport}), the {@code .ipynb} writer
 * ({@link cnnvsmlp.notebook.Notebook}) and the quoting of this project's source ({@link cnnvsmlp.notebook.JavaSource}).
 * Above {@code experiment}, whose classes it quotes.
 */
package cnnvsmlp.notebook;
