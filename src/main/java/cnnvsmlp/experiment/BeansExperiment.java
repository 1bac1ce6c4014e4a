package cnnvsmlp.experiment;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.dataset.DataSet;

import cnnvsmlp.data.BeansData;
import cnnvsmlp.model.BeansMlp;
import cnnvsmlp.report.BeansSurface;
import cnnvsmlp.report.Pictures;
import cnnvsmlp.run.EpochResult;
import cnnvsmlp.train.TrainingObserver;

/** Experiment 1: the 2-8-8-8-1 MLP learns the two spirals. */
public final class BeansExperiment {

    public static final String DATA_PNG = "beans-data.png";
    public static final String SURFACE_PNG = "beans-surface.png";
    /** The surface at epochs 0, 1 %, 10 % and 100 % of the budget, side by side. */
    public static final String TRAINING_PNG = "beans-training.png";

    private BeansExperiment() {
    }

    public static RunResult run(Settings settings) {
        return run(settings, BeansData.generate(BeansData.POST_SIZE, settings.seed())); // X, Y = get_beans(100)
    }

    /** The same network and training on other two-class points: another {@code BeansShape} or a CSV file. */
    public static RunResult run(Settings settings, BeansData beans) {
        DataSet xy = beans.toDataSet();
        MultiLayerNetwork model = new MultiLayerNetwork(BeansMlp.configuration(settings.seed()));
        double step = BeansSurface.stepFor(beans);
        SurfaceSnapshots snapshots = new SurfaceSnapshots(model, beans, step,
                BeansSurface.snapshotEpochs(settings.epochs()));
        // model.fit(X, Y, epochs=5000, batch_size=10); the post has no test set and judges the fit on X itself
        return ExperimentRunner.fit(settings, model, xy, xy, beans.toString(), "the " + beans.size() + " training points",
                snapshots, (trained, folder) -> {
                    Pictures.savePng(BeansSurface.scatter(beans), folder.resolve(DATA_PNG));         // show_scatter
                    Pictures.savePng(BeansSurface.of(trained, beans, step)                             // show_scatter_surface
                            .chart(beans, "beans MLP: P(label 1) after " + settings.epochs() + " epochs"),
                            folder.resolve(SURFACE_PNG));
                    Pictures.saveTiles(snapshots.charts(), 2, 0.7, folder.resolve(TRAINING_PNG));
                });
    }

    /** The model's surface at chosen epochs (0: before training), for the picture of the spiral being learned. */
    static final class SurfaceSnapshots implements TrainingObserver {
        private final MultiLayerNetwork model;
        private final BeansData beans;
        private final double step;
        private final List<Integer> epochs;
        private final Map<Integer, BeansSurface> surfaces = new TreeMap<>();

        SurfaceSnapshots(MultiLayerNetwork model, BeansData beans, double step, List<Integer> epochs) {
            this.model = model;
            this.beans = beans;
            this.step = step;
            this.epochs = epochs;
        }

        private int resumedAfter = -1;

        /** A resumed run cannot draw the epochs before its checkpoint: its picture starts there. */
        @Override
        public void resumed(int completedEpochs) {
            resumedAfter = completedEpochs;
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
                surfaces.put(epoch, BeansSurface.of(model, beans, step));
            }
        }

        Map<Integer, BeansSurface> surfaces() {
            return surfaces;
        }

        List<XYChart> charts() {
            return surfaces.entrySet().stream().map(e -> e.getValue().chart(beans, "epoch " + e.getKey()
                    + (e.getKey() == 0 ? " (initial weights)" : ""))).toList();
        }
    }
}
