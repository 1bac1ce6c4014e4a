package cnnvsmlp.experiment;

import cnnvsmlp.model.ExperimentId;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import cnnvsmlp.run.RunConfig;
import cnnvsmlp.run.RunFolder;
import cnnvsmlp.run.TrainingState;

/** The resolved settings a run prints before it trains: budget, data, hyper-parameters, threads, kernels, model. */
final class RunBanner {

    private RunBanner() {
    }

    static void print(PrintStream out, RunSpec spec, RunContext context, RunConfig config, Path folder,
            TrainingState resumedFrom, MultiLayerNetwork model) {
        ExperimentId id = spec.experiment();
        out.printf(Locale.ROOT, "%n== %s (%,d parameters) ==%n", id.model(), model.numParams());
        out.println(spec.budgetLine());
        out.println(spec.recipeLine());
        if (spec.datasetLine() != null) {
            out.println(spec.datasetLine());
        }
        out.println("data: " + config.data() + "; evaluated on " + config.evaluatedOn());
        int threads = context.threads(id);
        int opThreads = context.opThreads(id, spec.batchSize());
        int blasThreads = context.blasThreads(id);
        out.printf(Locale.ROOT, "fit: batch_size %d, %s, seed %d, %d threads%s%n",
                spec.batchSize(), spec.recipe().describe(), spec.seed(), threads,
                opThreads == threads && blasThreads == threads ? ""
                        : " (" + blasThreads + " for OpenBLAS, " + opThreads + " for the other ops)");
        Map<String, String> kernels = config.environment().cpuKernels();
        out.println("CPU kernels: OpenBLAS runs " + kernels.get("openblasCore") + ", " + kernels.get("chosen")
                + "; OMP_WAIT_POLICY " + kernels.get("ompWaitPolicy") + "; malloc: "
                + kernels.getOrDefault("malloc", "not recorded"));
        Map<String, String> backend = config.environment().backend();
        out.println("convolutions: " + backend.get("convolutions"));
        if (backend.containsKey("devices")) {
            out.println("GPU: " + backend.get("devices") + "; CUDA runtime " + backend.get("cudaRuntime") + ", driver "
                    + backend.get("cudaDriver") + ", cuDNN " + backend.get("cudnn") + ", " + backend.get("dataType"));
        }
        out.println("results: " + RunFolder.shown(folder));
        if (resumedFrom != null) {
            out.printf(Locale.ROOT, "resuming from the checkpoint after %d epochs and %d batches%n",
                    resumedFrom.completedEpochs(), resumedFrom.batchesDone());
        }
        out.print(cnnvsmlp.dl4j.SpeedLayers.summary(model));
    }
}
