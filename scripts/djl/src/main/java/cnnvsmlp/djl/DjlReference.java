package cnnvsmlp.djl;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * The project's models trained by DJL 0.36 on PyTorch 2.7.1, as a DJL user writes it: a {@link Trainer} over an
 * {@link ArrayDataset} that draws a new order every epoch (the last partial batch kept), {@link EasyTrain#trainBatch}
 * and {@link Trainer#step()}.
 *
 * <pre>
 *   java -jar scripts/djl/target/djl-reference.jar mnist MODEL BATCH EPOCHS [post|modern]   MODEL: mlp, lenet, mlp6
 *   java -jar scripts/djl/target/djl-reference.jar beans EPOCHS
 * </pre>
 *
 * <p>As Keras builds them: glorot-uniform kernels ({@code XavierInitializer(UNIFORM, AVG, 3)}), zero biases.
 * post: the mean squared error of the softmax ({@code L2Loss} of weight 1: the mean of the squared differences) with
 * plain SGD 0.05; modern: cross-entropy of the logits with Adam (0.001, 0.9, 0.999, epsilon 1e-7). Prints one line
 * per epoch as scripts/torch_reference.py does, {@code fw=djl}. Environment: MNIST_DIR, THREADS (2), SEED (42).
 */
public final class DjlReference {

    private static final int PIXELS = 784;

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(System.getenv().getOrDefault("THREADS", "2"));
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.default_engine", "PyTorch");
        System.setProperty("PYTORCH_VERSION", "2.7.1");
        System.setProperty("PYTORCH_FLAVOR", "cpu");
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        long seed = Long.parseLong(System.getenv().getOrDefault("SEED", "42"));
        Engine.getInstance().setRandomSeed((int) seed);
        System.out.println("djl " + Engine.getDjlVersion() + " engine " + Engine.getInstance().getEngineName() + " "
                + Engine.getInstance().getVersion() + " threads " + threads);
        if (args.length >= 4 && args[0].equals("mnist")) {
            mnist(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args.length > 4 ? args[4] : "post");
        } else if (args.length == 2 && args[0].equals("beans")) {
            beans(Integer.parseInt(args[1]), seed);
        } else {
            System.err.println("usage: mnist mlp|lenet|mlp6 BATCH EPOCHS [post|modern] | beans EPOCHS");
            System.exit(2);
        }
    }

    /** Dense layers of the given sizes with relu between them; the last gives logits. */
    static SequentialBlock dense(int... units) {
        SequentialBlock block = new SequentialBlock();
        for (int i = 0; i < units.length; i++) {
            block.add(Linear.builder().setUnits(units[i]).build());
            if (i < units.length - 1) {
                block.add(Activation::relu);
            }
        }
        return block;
    }

    static Block network(String name) {
        return switch (name) {
            case "mlp" -> dense(256, 256, 256, 10);
            case "mlp6" -> dense(2500, 2000, 1500, 1000, 500, 10);
            case "lenet" -> new SequentialBlock()
                    .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(6).build())
                    .add(Activation::relu)
                    .add(Pool.avgPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                    .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(16).build())
                    .add(Activation::relu)
                    .add(Pool.avgPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                    .add(Blocks.batchFlattenBlock())
                    .add(dense(120, 84, 10));
            default -> throw new IllegalArgumentException("unknown model '" + name + "': mlp, lenet or mlp6");
        };
    }

    static void mnist(String name, int batch, int epochs, String recipe) throws IOException,
            ai.djl.translate.TranslateException {
        String folder = System.getenv("MNIST_DIR");
        if (folder == null) {
            throw new IllegalArgumentException("set MNIST_DIR to the folder of the four MNIST .gz files");
        }
        boolean post = recipe.equals("post");
        if (!post && !recipe.equals("modern")) {
            throw new IllegalArgumentException("unknown recipe '" + recipe + "': post or modern");
        }
        boolean image = name.equals("lenet");
        try (NDManager manager = NDManager.newBaseManager(); Model model = Model.newInstance(name)) {
            NDArray xTrain = images(manager, Path.of(folder, "train-images-idx3-ubyte.gz"), image);
            NDArray yTrain = labels(manager, Path.of(folder, "train-labels-idx1-ubyte.gz"));
            NDArray xTest = images(manager, Path.of(folder, "t10k-images-idx3-ubyte.gz"), image);
            NDArray yTest = labels(manager, Path.of(folder, "t10k-labels-idx1-ubyte.gz"));
            SequentialBlock block = new SequentialBlock().add(network(name));
            if (post) {
                block.add(new LambdaBlock(list -> new NDList(list.singletonOrThrow().softmax(1))));
            }
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(post ? Loss.l2Loss("mse", 1)
                    : Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(post ? Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.05f)).build()
                            : Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.001f)).optBeta1(0.9f)
                            .optBeta2(0.999f).optEpsilon(1e-7f).build())
                    .optInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                            XavierInitializer.FactorType.AVG, 3), Parameter.Type.WEIGHT);
            ArrayDataset train = new ArrayDataset.Builder().setData(xTrain)
                    .optLabels(post ? yTrain.oneHot(10) : yTrain).setSampling(batch, true).build();
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(image ? new Shape(batch, 1, 28, 28) : new Shape(batch, PIXELS));
                long parameters = block.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
                System.out.printf(Locale.ROOT, "model=%s params=%d batch=%d recipe=%s%n", name, parameters, batch,
                        recipe);
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    long start = System.nanoTime();
                    for (Batch b : trainer.iterateDataset(train)) {
                        EasyTrain.trainBatch(trainer, b);
                        trainer.step();
                        b.close();
                    }
                    double trainSeconds = (System.nanoTime() - start) / 1e9;
                    start = System.nanoTime();
                    double accuracy = accuracy(trainer, xTest, yTest);
                    double evalSeconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf(Locale.ROOT, "RESULT fw=djl model=%s batch=%d opt=%s epoch=%d train_s=%.3f"
                            + " eval_s=%.3f test_acc=%.4f peak_rss_mb=%d%n", name, batch, recipe, epoch,
                            trainSeconds, evalSeconds, accuracy, peakResidentMiB());
                }
            }
        }
    }

    /** The fraction of the test images whose largest output is their label, in batches of 2048. */
    static double accuracy(Trainer trainer, NDArray x, NDArray y) {
        long n = x.getShape().get(0);
        long correct = 0;
        for (long first = 0; first < n; first += 2048) {
            long last = Math.min(n, first + 2048);
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDArray xs = x.get(first + ":" + last);
                xs.attach(scope);
                NDArray predicted = trainer.evaluate(new NDList(xs)).singletonOrThrow().argMax(1);
                correct += predicted.toType(DataType.INT64, false)
                        .eq(y.get(first + ":" + last).toType(DataType.INT64, false)).sum().getLong();
            }
        }
        return (double) correct / n;
    }

    static NDArray images(NDManager manager, Path file, boolean asImages) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != 0x803) {
                throw new IOException(file + " is not an IDX image file");
            }
            int count = in.readInt();
            in.readInt();
            in.readInt();
            byte[] bytes = in.readNBytes(count * PIXELS);
            float[] values = new float[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                values[i] = (bytes[i] & 0xff) / 255f;
            }
            return manager.create(values, asImages ? new Shape(count, 1, 28, 28) : new Shape(count, PIXELS));
        }
    }

    static NDArray labels(NDManager manager, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != 0x801) {
                throw new IOException(file + " is not an IDX label file");
            }
            byte[] bytes = in.readNBytes(in.readInt());
            float[] values = new float[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                values[i] = bytes[i];
            }
            return manager.create(values);
        }
    }

    /** The post's two spirals (../shared/SPEC.md), 50 points a class, the 2-8-8-8-1 MLP, batch 10. */
    static void beans(int epochs, long seed) throws IOException, ai.djl.translate.TranslateException {
        Random random = new Random(seed);
        float[] x = new float[200];
        float[] y = new float[100];
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < 50; i++) {
                double radius = i / 50.0 * 5;
                double angle = 1.75 * i / 50.0 * 2 * Math.PI + (k == 0 ? 0 : Math.PI);
                int row = k * 50 + i;
                x[2 * row] = (float) (radius * Math.sin(angle) + random.nextDouble() * 0.2 - 0.1);
                x[2 * row + 1] = (float) (radius * Math.cos(angle) + random.nextDouble() * 0.2 - 0.1);
                y[row] = k == 0 ? 1 : 0;
            }
        }
        try (NDManager manager = NDManager.newBaseManager(); Model model = Model.newInstance("beans")) {
            NDArray points = manager.create(x, new Shape(100, 2));
            NDArray labels = manager.create(y, new Shape(100, 1));
            model.setBlock(new SequentialBlock().add(dense(8, 8, 8, 1)).add(Activation::sigmoid));
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss("mse", 1))
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.05f)).build())
                    .optInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                            XavierInitializer.FactorType.AVG, 3), Parameter.Type.WEIGHT);
            ArrayDataset train = new ArrayDataset.Builder().setData(points).optLabels(labels)
                    .setSampling(10, true).build();
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(10, 2));
                long start = System.nanoTime();
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    for (Batch b : trainer.iterateDataset(train)) {
                        EasyTrain.trainBatch(trainer, b);
                        trainer.step();
                        b.close();
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                NDArray out = trainer.evaluate(new NDList(points)).singletonOrThrow();
                long correct = out.gt(0.5).toType(DataType.FLOAT32, false).eq(labels).sum().getLong();
                System.out.printf(Locale.ROOT, "RESULT fw=djl model=beans epochs=%d train_s=%.3f correct=%d/100"
                        + " acc=%.2f peak_rss_mb=%d%n", epochs, seconds, correct, correct / 100.0, peakResidentMiB());
            }
        }
    }

    /** This process's peak resident memory (VmHWM of /proc/self/status), in MiB; -1 where there is none. */
    static long peakResidentMiB() {
        try (InputStream in = Files.newInputStream(Path.of("/proc/self/status"))) {
            for (String line : new String(in.readAllBytes()).split("\n")) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
