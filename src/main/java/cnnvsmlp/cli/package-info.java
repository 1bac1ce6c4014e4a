/**
 * The command line (picocli): parse, resolve the options into settings, relaunch the JVM with better CPU kernels
 * where that helps ({@link cnnvsmlp.cli.KernelLauncher}), call an experiment, the comparison, the benchmark or the
 * notebook export, and turn every {@code FixableProblem} into one line and an exit code.
 */
package cnnvsmlp.cli;
