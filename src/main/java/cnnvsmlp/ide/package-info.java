/**
 * One class with a {@code main} per command, to run from an IDE: each passes its program arguments to the command
 * line ({@link cnnvsmlp.cli.Main}), so an IDE run is the same as {@code java -jar target/cnn-vs-mlp.jar COMMAND ...},
 * child JVM for the CPU kernels included. The top of the package graph: nothing imports it.
 */
package cnnvsmlp.ide;
