/**
 * The machine and the ND4J backend: the CPU's kernels and OpenBLAS's choice ({@link cnnvsmlp.runtime.CpuKernels},
 * {@link cnnvsmlp.runtime.OpenBlasProbe}), the GPU devices ({@link cnnvsmlp.runtime.GpuDevices}), the settings ND4J
 * must get before it loads and the thread pools ({@link cnnvsmlp.runtime.Nd4jRuntime}), the plan for a child JVM with
 * better kernels ({@link cnnvsmlp.runtime.RelaunchPlan}), and the description of all
 * of it that every run records ({@link cnnvsmlp.runtime.RunEnvironment}). Below it: {@code dl4j} only.
 */
package cnnvsmlp.runtime;
