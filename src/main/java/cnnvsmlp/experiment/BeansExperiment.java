package cnnvsmlp.experiment;

import cnnvsmlp.model.ExperimentId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.dataset.DataSet;

import cnnvsmlp.FixableProblem;
import cnnvsmlp.data.BeansData;
import cnnvsmlp.model.BeansMlp;
import cnnvsmlp.model.Recipe;
import cnnvsmlp.report.chart.BeansSurface;
import cnnvsmlp.report.chart.PngFiles;
import cnnvsmlp.run.AtomicFiles;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.run.Json;

/** Experiment 1: the 2-8-8-8-1 MLP learns the two spirals. */
public final class BeansExperiment implements Experiment {

    public static final String DATA_PNG = "beans-data.png";
    public static final String SURFACE_PNG = "beans-surface.png";
    /** The surface at epochs 0, 1 %, 10 % and 100 % of the budget, side by side. */
    public static final String TRAINING_PNG = "beans-training.png";

    private final BeansData beans;

    /** The same network and training on any two-class points: the post's, another {@code BeansShape}, a CSV file. */
    public BeansExperiment(BeansData beans) {
        this.beans = beans;
    }

    /** The post's points: {@code X, Y = get_beans(100)}, their noise drawn from {@code seed}. */
    public static BeansExperiment post(long seed) {
        return new BeansExperiment(BeansData.generate(BeansData.POST_SIZE, seed));
    }

    @Override
    public ExperimentId id() {
        return ExperimentId.BEANS;
    }

    @Override
    public MultiLayerNetwork network(long seed, Recipe recipe) {
        return new MultiLayerNetwork(BeansMlp.configuration(seed, recipe));
    }

    /** {@code model.fit(X, Y, epochs=5000, batch_size=10)}: the post has no test set and judges the fit on X itself. */
    @Override
    public Data data() {
        DataSet xy = beans.toDataSet();
        return new Data(xy, xy, beans.toString(), "the " + beans.size() + " training points");
    }

    @Override
    public Pictures pictures(MultiLayerNetwork network, RunSpec spec, Path folder) {
        double step = BeansSurface.stepFor(beans);
        return new SurfaceSnapshots(network, beans, step, BeansSurface.snapshotEpochs(spec.epochs()), spec.epochs(),
                folder.resolve(SURFACES));
    }

    /** Where a run keeps the surfaces taken so far (JSON), so that a resumed run's picture has every one. */
    public static final String SURFACES = "surfaces";

    /**
     * The post's {@code show_scatter} and {@code show_scatter_surface}, and the model's surface at chosen epochs
     * (0: before training), for the picture of the spiral being learned.
     */
    static final class SurfaceSnapshots implements Pictures {
        private final MultiLayerNetwork model;
        private final BeansData beans;
        private final double step;
        private final List<Integer> epochs;
        private final int budget;
        private final Map<Integer, BeansSurface> surfaces = new TreeMap<>();
        private final Path kept;
        private int resumedAfter = -1;

        SurfaceSnapshots(MultiLayerNetwork model, BeansData beans, double step, List<Integer> epochs, int budget,
                Path kept) {
            this.model = model;
            this.beans = beans;
            this.step = step;
            this.epochs = epochs;
            this.budget = budget;
            this.kept = kept;
        }

        /** A resumed run takes back the surfaces its earlier sittings kept, up to its checkpoint. */
        @Override
        public void resumed(int completedEpochs) {
            resumedAfter = completedEpochs;
            for (int epoch : epochs) {
                Path file = kept == null ? null : kept.resolve("epoch-" + epoch + ".json");
                if (epoch <= completedEpochs && file != null && Files.isRegularFile(file)) {
                    try {
                        surfaces.put(epoch, Json.MAPPER.readValue(file.toFile(), BeansSurface.class));
                    } catch (IOException e) {
                        // a damaged snapshot: the picture goes without that panel
                    }
                }
            }
        }

        @Override
        public void started(int totalEpochs, int batchesPerEpoch) {
            if (resumedAfter < 0) {
                take(0);
            }
        }

        @Override
        public void epochDone(EpochResult result) {
            take(result.epoch());
        }

        private void take(int epoch) {
            if (epochs.contains(epoch)) {
                BeansSurface surface = BeansSurface.of(model, beans, step);
                surfaces.put(epoch, surface);
                if (kept != null) {
                    try {
                        Files.createDirectories(kept);
                        AtomicFiles.writeString(kept.resolve("epoch-" + epoch + ".json"), Json.compact(surface));
                    } catch (IOException e) {
                        throw new FixableProblem("cannot write " + kept + " (" + e.getMessage() + "); free disk space",
                                e);
                    }
                }
            }
        }

        @Override
        public void draw(MultiLayerNetwork trained, Path folder) {
            PngFiles.savePng(BeansSurface.scatter(beans), folder.resolve(DATA_PNG));     // show_scatter
            PngFiles.savePng(BeansSurface.of(trained, beans, step)                         // show_scatter_surface
                    .picture(beans, "beans MLP: P(label 1) after " + budget + " epochs"), folder.resolve(SURFACE_PNG));
            Map<String, BeansSurface> during = titled();
            if (!during.isEmpty()) { // a run resumed after its last epoch has no surface left to draw
                PngFiles.savePng(BeansSurface.panel(during, beans), folder.resolve(TRAINING_PNG));
            }
        }

        Map<Integer, BeansSurface> surfaces() {
            return surfaces;
        }

        /** The surfaces taken so far, each titled with its epoch, in epoch order. */
        Map<String, BeansSurface> titled() {
            Map<String, BeansSurface> titled = new java.util.LinkedHashMap<>();
            surfaces.forEach((epoch, surface) -> titled.put("epoch " + epoch + (epoch == 0 ? " (initial weights)" : ""),
                    surface));
            return titled;
        }
    }
}
