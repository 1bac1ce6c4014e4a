/**
 * The speed benchmark: seconds per epoch, GFLOP/s ({@link cnnvsmlp.bench.Flops}) and the fraction of the machine's
 * fp32 peak ({@link cnnvsmlp.bench.MachinePeak}), each model and batch size in its own JVM (run by {@code cli}).
 */
package cnnvsmlp.bench;
