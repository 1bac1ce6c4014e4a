package cnnvsmlp.notebook;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cnnvsmlp.data.BeansData;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.experiment.BeansExperiment;
import cnnvsmlp.experiment.Comparison;
import cnnvsmlp.experiment.LeNet5Experiment;
import cnnvsmlp.experiment.MnistMlpExperiment;
import cnnvsmlp.model.BeansMlp;
import cnnvsmlp.model.KerasDefaults;
import cnnvsmlp.model.LeNet5;
import cnnvsmlp.model.MnistMlp;
import cnnvsmlp.report.BeansSurface;
import cnnvsmlp.report.CompareReport;
import cnnvsmlp.report.MnistPictures;
import cnnvsmlp.report.ResultsIndex;
import cnnvsmlp.run.AtomicFiles;
import cnnvsmlp.run.Json;
import cnnvsmlp.run.RunFolder;

/**
 * {@code notebooks-export/}: each experiment and the comparison as a Jupyter notebook, in English and in
 * simplified Chinese, built from the newest finished runs in a results folder: the post's walk-through in the
 * project's words, the project's real source (extracted from the build), what the run printed and the pictures
 * it drew, and the run's configuration in the metadata.
 */
public final class NotebookExport {

    /** The two languages of every notebook. */
    public enum Lang {
        EN("en", "English"),
        ZH("zh", "简体中文");

        final String folder;
        final String label;

        Lang(String folder, String label) {
            this.folder = folder;
            this.label = label;
        }

        String t(String en, String zh) {
            return this == EN ? en : zh;
        }
    }

    public static final String BEANS = "1-beans.ipynb";
    public static final String MNIST_MLP = "2-mnist-mlp.ipynb";
    public static final String LENET5 = "3-lenet5.ipynb";
    public static final String COMPARE = "4-compare.ipynb";
    static final int EPOCH_LINES_SHOWN = 3;

    private NotebookExport() {
    }

    /** Writes every notebook whose run exists in {@code results} into {@code output}; returns the files written. */
    public static List<Path> write(Path results, Path output, PrintStream out) throws IOException {
        List<Path> written = new ArrayList<>();
        List<String> index = new ArrayList<>();
        for (Lang lang : Lang.values()) {
            Path dir = output.resolve(lang.folder);
            Files.createDirectories(dir);
            Optional<Path> beans = ResultsIndex.latestFinished(results.resolve("beans"));
            if (beans.isPresent()) {
                written.add(save(beans(lang, beans.get()), dir.resolve(BEANS)));
            }
            for (String id : new String[] {"mnist-mlp", "lenet5"}) {
                Optional<Path> run = ResultsIndex.latestFinished(results.resolve(id));
                if (run.isPresent()) {
                    written.add(save(mnist(lang, run.get(), id.equals("lenet5")),
                            dir.resolve(id.equals("lenet5") ? LENET5 : MNIST_MLP)));
                }
            }
            Optional<Path> compare = ResultsIndex.bestComparison(results);
            if (compare.isPresent()) {
                written.add(save(compare(lang, compare.get()), dir.resolve(COMPARE)));
            }
        }
        for (Path file : written) {
            index.add(output.relativize(file).toString().replace('\\', '/'));
        }
        AtomicFiles.writeString(output.resolve("README.md"), readme(index));
        out.println("notebooks: " + written.size() + " written to " + output + (written.isEmpty()
                ? " (no finished runs in " + results + ")" : ""));
        return written;
    }

    private static Path save(Notebook notebook, Path file) throws IOException {
        notebook.write(file);
        return file;
    }

    // ---- the notebooks ----------------------------------------------------------------------------------------

    static Notebook beans(Lang lang, Path run) throws IOException {
        Run r = Run.read(run);
        Notebook nb = new Notebook(lang.folder, r.metadata());
        nb.markdown(lang.t("# Experiment 1: a deep MLP learns two spirals (the \"beans\")",
                "# 实验一：深层 MLP 学习两条螺旋线（“豆豆”数据）") + "\n\n" + intro(lang, r)
                + lang.t("The post starts from a data set no straight line can split: two interleaved spirals of 50"
                        + " points each. A network with three hidden layers of 8 ReLU units bends its decision"
                        + " boundary around them, the intuition the post then carries over to images.",
                        "原文先从一个无法用直线分开的数据集讲起：两条各 50 个点、相互缠绕的螺旋线。三层各 8 个 ReLU 单元的隐藏层"
                        + "让决策边界弯曲着绕过它们——原文随后把这个直觉带到了图像上。"));
        nb.markdown(lang.t("## The data\n\nThe course's `get_beans(100)`: point *i* of a spiral has radius"
                + " 5 i / 50 and angle 1.75 · (i / 50) · 2π (+π for the second spiral), plus uniform noise in"
                + " [−0.1, 0.1] on each coordinate; label 1 for the first spiral, 0 for the second.",
                "## 数据\n\n课程中的 `get_beans(100)`：螺旋线上第 *i* 个点的半径为 5 i / 50，角度为 1.75 · (i / 50) · 2π"
                + "（第二条螺旋线再加 π），每个坐标再加上 [−0.1, 0.1] 内的均匀噪声；第一条螺旋线标签为 1，第二条为 0。"));
        nb.code(JavaSource.quote(BeansData.class, "public static BeansData generate(int m, long seed,"
                + " double noise)"), List.of(Notebook.stream(r.config.path("data").asText()),
                Notebook.png(run.resolve(BeansExperiment.DATA_PNG), "the beans, coloured by label")));
        nb.markdown(lang.t("## The model\n\nKeras: `Dense(8, relu, input_dim=2)`, two more `Dense(8, relu)`,"
                + " `Dense(1, sigmoid)`; mean squared error, `SGD(lr=0.05)`, accuracy. The same in DL4J, with the"
                + " Keras defaults DL4J does not share (glorot-uniform kernels, zero biases, plain SGD) set in"
                + " `KerasDefaults`: 177 parameters, as in the post.",
                "## 模型\n\nKeras 写法：`Dense(8, relu, input_dim=2)`，再两个 `Dense(8, relu)`，最后 `Dense(1, sigmoid)`；"
                + "损失为均方误差，优化器 `SGD(lr=0.05)`，指标为准确率。DL4J 中写法相同，DL4J 与 Keras 不同的默认值"
                + "（glorot 均匀初始化、零偏置、朴素 SGD）都在 `KerasDefaults` 中显式设定：共 177 个参数，与原文一致。"));
        nb.code(JavaSource.quote(BeansMlp.class, "public static MultiLayerConfiguration configuration("),
                List.of(Notebook.stream(r.summary())));
        nb.markdown(lang.t("## Training\n\n`model.fit(X, Y, epochs=5000, batch_size=10)`: reshuffled every epoch."
                + " The post has no test set and judges the fit on the 100 points themselves; so does this run."
                + " From the command line:", "## 训练\n\n`model.fit(X, Y, epochs=5000, batch_size=10)`：每个 epoch"
                + " 重新打乱。原文没有测试集，直接在这 100 个点上评估拟合效果；本次运行也一样。命令行：")
                + "\n\n```bash\n" + r.command() + "\n```");
        nb.code(JavaSource.quote(BeansExperiment.class, "public Data data()"), trainingOutputs(r, run));
        nb.markdown(lang.t("## The result\n\n", "## 结果\n\n") + String.format(Locale.ROOT, lang.t(
                "Training accuracy **%.2f %%** on the 100 points after %d of the post's 5000 epochs. The picture is the"
                + " post's `show_scatter_surface` in two dimensions: the model's probability of label 1 over a grid from"
                + " the smallest to the largest value of each input (step 0.1, as in the post), blue for 0, red for 1,"
                + " the 0.5 decision boundary in black. The second picture shows the same surface at epochs 0, 1 %%,"
                + " 10 %% and 100 %% of the budget: the spiral being learned.",
                "在 100 个点上，经过原文 5000 个 epoch 中的 %2$d 个后，训练准确率为 **%1$.2f %%**。下图是原文"
                + " `show_scatter_surface` 的二维版本：在每个输入从最小值到最大值的网格上（步长 0.1，与原文相同）画出模型输出"
                + "标签 1 的概率，蓝色为 0、红色为 1，黑线是 0.5 的决策边界。第二张图是预算的 0、1 %%、10 %%、100 %% 时刻的"
                + "同一曲面：螺旋线是怎样被学会的。"), 100 * r.metrics.path("accuracy").asDouble(), r.epochs()));
        nb.code(JavaSource.quote(BeansSurface.class, "public static BeansSurface of("), List.of(
                Notebook.png(run.resolve(BeansExperiment.SURFACE_PNG), "the fitted surface"),
                Notebook.png(run.resolve(BeansExperiment.TRAINING_PNG), "the surface during training")));
        return nb;
    }

    static Notebook mnist(Lang lang, Path run, boolean cnn) throws IOException {
        Run r = Run.read(run);
        Notebook nb = new Notebook(lang.folder, r.metadata());
        String title = cnn ? lang.t("# Experiment 3: LeNet-5 on MNIST", "# 实验三：LeNet-5 识别 MNIST")
                : lang.t("# Experiment 2: an MLP on MNIST", "# 实验二：MLP 识别 MNIST");
        nb.markdown(title + "\n\n" + intro(lang, r) + (cnn
                ? lang.t("The post's convolutional network: two 5x5 convolutions, each followed by 2x2 average"
                        + " pooling, then three dense layers; 44,426 parameters, a seventh of the MLP's, shared across"
                        + " the image.", "原文的卷积网络：两个 5x5 卷积层，各接一个 2x2 平均池化，再接三个全连接层；共 44,426 个参数，"
                        + "只有 MLP 的七分之一，并在整幅图像上共享。")
                : lang.t("The post's first look at images: flatten each 28x28 digit into 784 numbers and feed them to"
                        + " an MLP of three hidden layers of 256 ReLU units; 335,114 parameters.",
                        "原文第一次处理图像：把每个 28x28 的数字展平为 784 个数，送入三层各 256 个 ReLU 单元的 MLP；共 335,114 个参数。")));
        nb.markdown(lang.t("## The data\n\nMNIST from its four gzipped IDX files, checked against their SHA-256:"
                + " 60,000 training and 10,000 test images of 28x28 grey levels. The post prints the shapes and the"
                + " first training label (5) and shows the first image. Pixels are divided by 255, labels one-hot.",
                "## 数据\n\nMNIST 来自四个 gzip 压缩的 IDX 文件，并用 SHA-256 校验：60,000 张训练图像和 10,000 张测试图像，"
                + "每张 28x28 灰度。原文打印了数组形状和第一个训练标签（5），并显示了第一张图像。像素除以 255，标签转为 one-hot。")
                + (cnn ? lang.t(" For the CNN each image becomes a 28x28x1 tensor (channels last, as in Keras): the"
                        + " reshape the post's code forgot.", " 对 CNN，每张图像变为 28x28x1 的张量（通道在后，与 Keras 相同）："
                        + "这正是原文代码漏掉的 reshape。") : ""));
        nb.code(JavaSource.quote(Mnist.class, cnn ? "public static DataSet imageDataSet("
                : "public static DataSet flatDataSet("), List.of(Notebook.stream(r.config.path("data").asText()),
                Notebook.png(run.resolve("mnist-first-image.png"), "the first training image"),
                Notebook.png(run.resolve("mnist-digits.png"), "the first image of each digit")));
        nb.markdown(lang.t("## The model\n\n", "## 模型\n\n") + (cnn
                ? lang.t("Keras: `Conv2D(6, (5, 5), relu)`, `AveragePooling2D((2, 2))`, `Conv2D(16, (5, 5), relu)`,"
                        + " `AveragePooling2D((2, 2))`, `Flatten()`, `Dense(120, relu)`, `Dense(84, relu)`,"
                        + " `Dense(10, softmax)`. The post's listing leaves out the second pooling layer its text names;"
                        + " with it the count is the post's 44,426.", "Keras 写法：`Conv2D(6, (5, 5), relu)`、"
                        + "`AveragePooling2D((2, 2))`、`Conv2D(16, (5, 5), relu)`、`AveragePooling2D((2, 2))`、`Flatten()`、"
                        + "`Dense(120, relu)`、`Dense(84, relu)`、`Dense(10, softmax)`。原文的代码漏掉了正文提到的第二个池化层；"
                        + "加上它，参数量正是原文的 44,426。")
                : lang.t("Keras: `Dense(256, relu, input_dim=784)`, two more `Dense(256, relu)`, `Dense(10, softmax)`;"
                        + " mean squared error, `SGD(lr=0.05)`. 335,114 parameters.", "Keras 写法：`Dense(256, relu,"
                        + " input_dim=784)`，再两个 `Dense(256, relu)`，最后 `Dense(10, softmax)`；均方误差，`SGD(lr=0.05)`。"
                        + "共 335,114 个参数。")));
        nb.code(JavaSource.quote(cnn ? LeNet5.class : MnistMlp.class,
                "public static MultiLayerConfiguration configuration("), List.of(Notebook.stream(r.summary())));
        nb.markdown(lang.t("## Training\n\n`model.fit(X_train, Y_train, epochs=5000, batch_size=2048)`, reshuffled every"
                + " epoch, the last batch of 608 kept; after every epoch the model is scored on the 10,000 test images"
                + " (the post's `model.predict(X)` after the MNIST fits reuses the beans' X, a slip). Command:",
                "## 训练\n\n`model.fit(X_train, Y_train, epochs=5000, batch_size=2048)`，每个 epoch 重新打乱，保留最后 608 个"
                + "样本的小批次；每个 epoch 结束后在 10,000 张测试图像上评估（原文在 MNIST 训练后调用的 `model.predict(X)`"
                + " 用的是豆豆数据的 X，这是笔误）。命令行：") + "\n\n```bash\n" + r.command() + "\n```");
        nb.code(JavaSource.quote(cnn ? LeNet5Experiment.class : MnistMlpExperiment.class,
                "public Data data()"), trainingOutputs(r, run));
        nb.markdown(lang.t("## The result\n\n", "## 结果\n\n") + String.format(Locale.ROOT, lang.t(
                "Test accuracy **%.2f %%** on the 10,000 test images after %d of the post's 5000 epochs (%s). Under the"
                + " post's exact training (mean squared error on a softmax, plain SGD, batch 2048) MNIST is learned"
                + " slowly: read this as the state after this budget, not the post's final number. The confusion"
                + " matrix and the first misclassified digits show what the model still gets wrong.",
                "经过原文 5000 个 epoch 中的 %2$d 个（%3$s）后，在 10,000 张测试图像上的准确率为 **%1$.2f %%**。按原文的训练方式"
                + "（softmax 上的均方误差、朴素 SGD、批大小 2048），MNIST 学得很慢：这是该预算下的状态，而不是原文的最终结果。"
                + "混淆矩阵和前几个被分错的数字显示了模型仍然出错的地方。"), 100 * r.metrics.path("accuracy").asDouble(),
                r.epochs(), r.config.path("budget").path("source").asText()));
        nb.code(JavaSource.quote(MnistPictures.class, "public static List<Integer> misclassified("),
                List.of(Notebook.png(run.resolve("confusion.png"), "confusion matrix"),
                        Notebook.png(run.resolve("misclassified.png"), "misclassified test digits")));
        return nb;
    }

    static Notebook compare(Lang lang, Path folder) throws IOException {
        JsonNode s = Json.MAPPER.readTree(folder.resolve(CompareReport.SUMMARY_JSON).toFile());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("command", s.path("command").asText());
        meta.put("date", s.path("date").asText());
        meta.put("budget", s.path("epochs").asInt() + " of " + s.path("postEpochs").asInt() + " epochs");
        meta.put("folder", folder.getFileName().toString());
        meta.put("runs", List.of(s.path("mlp").path("runs"), s.path("cnn").path("runs")).toString());
        Notebook nb = new Notebook(lang.folder, meta);
        int seeds = s.path("mlp").path("seeds").size();
        nb.markdown(lang.t("# MLP or CNN? The comparison", "# MLP 还是 CNN？对比") + "\n\n" + String.format(Locale.ROOT,
                lang.t("The post concludes that the CNN is clearly more accurate than the MLP. This notebook measures it:"
                        + " both MNIST models trained exactly as the post trains them, with one budget (%d of the post's"
                        + " %d epochs), over %d seed(s), judged on the 10,000 test images. Generated by `cnn-vs-mlp"
                        + " export` from `%s`.", "原文的结论是：CNN 明显比 MLP 更准确。本笔记本对此进行测量：两个 MNIST 模型都按原文的方式"
                        + "训练，使用相同的预算（原文 %2$d 个 epoch 中的 %1$d 个），%3$d 个随机种子，在 10,000 张测试图像上评估。由"
                        + " `cnn-vs-mlp export` 根据 `%4$s` 生成。"), s.path("epochs").asInt(), s.path("postEpochs").asInt(),
                seeds, "results/compare/" + folder.getFileName()));
        nb.markdown(lang == Lang.EN
                ? "## The verdict\n\n**" + s.path("verdict").asText() + "**\n\nThe rule: " + s.path("verdictRule").asText()
                : "## 结论\n\n**" + chineseVerdict(s) + "**\n\n判定规则：只有当至少两个随机种子的平均差值大于所有标准差（两个模型各自的准确率"
                        + "以及每个种子的差值），且所有种子的差值符号一致时，才判定胜者。\n\n（程序输出的英文原文：" + s.path("verdict").asText()
                        + "）");
        nb.code(JavaSource.quote(Comparison.class, "public static Path run(RunSpec mlp, RunSpec cnn,"),
                List.of(Notebook.stream(Files.readString(folder.resolve(CompareReport.SUMMARY_MD))),
                        Notebook.png(folder.resolve(CompareReport.BARS_PNG), "mean test accuracy with standard deviation")));
        nb.markdown(lang.t("## The curves\n\nTest accuracy per epoch for every seed, the losses, and test accuracy"
                + " against wall-clock time: with this training the answer depends on the budget, so the curves say"
                + " more than one number.", "## 曲线\n\n每个种子每个 epoch 的测试准确率、损失，以及测试准确率随实际耗时的变化："
                + "在这种训练方式下，结论取决于训练预算，所以曲线比单个数字更能说明问题。"));
        nb.code(JavaSource.quote(CompareReport.class, "public static Summary summarize("), List.of(
                Notebook.png(folder.resolve(CompareReport.ACCURACY_PNG), "test accuracy per epoch"),
                Notebook.png(folder.resolve(CompareReport.TIME_PNG), "test accuracy against time"),
                Notebook.png(folder.resolve(CompareReport.LOSS_PNG), "loss per epoch")));
        nb.markdown(lang.t("## What the post gets wrong about the comparison\n\nThe post also says LeNet-5 beats the"
                + " large MLP of LeCun's MNIST table; that table lists the 6-layer MLP trained with elastic distortions"
                + " at 0.35 % error, below LeNet-5's 0.95 %. This project reports what it measures.",
                "## 原文在对比上的疏漏\n\n原文还说 LeNet-5 胜过 LeCun MNIST 表格中的大型 MLP；但该表格中使用弹性形变训练的 6 层 MLP"
                + " 错误率为 0.35 %，低于 LeNet-5 的 0.95 %。本项目只报告实际测得的结果。"));
        return nb;
    }

    /** The comparison's verdict in Chinese, from the numbers of its summary. */
    static String chineseVerdict(JsonNode s) {
        JsonNode mlp = s.path("mlp");
        JsonNode cnn = s.path("cnn");
        int seeds = mlp.path("seeds").size();
        String budget = String.format(Locale.ROOT, "原文 %d 个 epoch 中的 %d 个，批大小 %d", s.path("postEpochs").asInt(),
                s.path("epochs").asInt(), s.path("batchSize").asInt());
        double spread = Math.max(Math.max(mlp.path("sdAccuracy").asDouble(), cnn.path("sdAccuracy").asDouble()),
                s.path("sdDifference").asDouble());
        double difference = s.path("meanDifference").asDouble();
        if (seeds < 2) {
            return String.format(Locale.ROOT, "%s %.2f %%，%s %.2f %%（%s），只有一个随机种子：没有种子间的波动可以衡量差值，"
                    + "因此不判定胜者。", cnn.path("model").asText(), 100 * cnn.path("meanAccuracy").asDouble(),
                    mlp.path("model").asText(), 100 * mlp.path("meanAccuracy").asDouble(), budget);
        }
        if (!s.path("winner").isNull() && s.has("winner")) {
            return String.format(Locale.ROOT, "%s 胜出（%s）：测试准确率领先 %.2f 个百分点（%d 个种子的平均），超过种子间的波动"
                    + "（最大标准差 %.2f 个百分点）。", s.path("winner").asText(), budget, 100 * Math.abs(difference), seeds,
                    100 * spread);
        }
        return String.format(Locale.ROOT, "没有胜者（%s）：平均差值（%s %+.2f 个百分点）在种子间的波动之内（最大标准差 %.2f 个"
                + "百分点）。", budget, cnn.path("model").asText(), 100 * difference, 100 * spread);
    }

    /** What a run's training cell shows: what it printed, then its accuracy and loss curves. */
    private static List<ObjectNode> trainingOutputs(Run r, Path run) throws IOException {
        return List.of(Notebook.stream(r.brief()), Notebook.png(run.resolve("accuracy.png"), "accuracy per epoch"),
                Notebook.png(run.resolve("loss.png"), "loss per epoch"));
    }

    private static String intro(Lang lang, Run r) {
        return String.format(Locale.ROOT, lang.t("Generated by `cnn-vs-mlp export` from the run `%s`: `%s`, %s, commit"
                + " `%s`, %s, %s; budget %d of the post's 5000 epochs (%s). The code cells are the project's source,"
                + " extracted when the notebook was written; the outputs are what that run printed and drew.%n%n",
                "由 `cnn-vs-mlp export` 根据运行 `%s` 生成：`%s`，%s，提交 `%s`，%s，%s；预算为原文 5000 个 epoch 中的 %d 个（%s）。"
                + "代码单元格是写出本笔记本时从项目源码中提取的；输出是那次运行实际打印和绘制的内容。%n%n"), r.folder(), r.command(),
                r.config.path("started").asText(), r.commit(), r.machine(), r.backend(), r.epochs(),
                r.config.path("budget").path("source").asText());
    }

    private static String readme(List<String> notebooks) {
        StringBuilder md = new StringBuilder("# Notebook exports\n\n");
        md.append("Each experiment of the post, and the comparison, as a Jupyter notebook (nbformat 4, Java), in English"
                + " (`en/`) and simplified Chinese (`zh/`). Generated by `cnn-vs-mlp export` (the main job runs it)"
                + " from the newest finished runs in `results/`: the code cells are the project's source at export"
                + " time, the outputs and pictures are the runs' own, and each notebook's metadata names the command,"
                + " date, machine, backend, budget and commit of its run.\n\n");
        Map<String, String> lines = Map.of(
                BEANS, "Experiment 1: the 2-8-8-8-1 MLP learns the two spirals; the decision surface during training.",
                MNIST_MLP, "Experiment 2: the 784-256-256-256-10 MLP on MNIST; curves, confusion matrix, mistakes.",
                LENET5, "Experiment 3: LeNet-5 on MNIST; the post's forgotten reshape and second pooling layer.",
                COMPARE, "The MLP against LeNet-5 over seeds at one budget, and whether either wins.");
        for (String notebook : notebooks) {
            String name = notebook.substring(notebook.indexOf('/') + 1);
            md.append("- [").append(notebook).append("](").append(notebook).append("): ")
                    .append(notebook.startsWith("zh/") ? "(简体中文) " : "").append(lines.getOrDefault(name, ""))
                    .append('\n');
        }
        return md.toString();
    }

    /** One finished run folder, as the notebooks quote it. */
    record Run(Path path, JsonNode config, JsonNode metrics, List<String> console) {

        static Run read(Path path) throws IOException {
            Path console = path.resolve("console.txt");
            return new Run(path, Json.MAPPER.readTree(path.resolve(RunFolder.CONFIG).toFile()),
                    Json.MAPPER.readTree(path.resolve(RunFolder.METRICS).toFile()),
                    Files.exists(console) ? Files.readAllLines(console) : List.of());
        }

        String folder() {
            return "results/" + path.getParent().getFileName() + "/" + path.getFileName();
        }

        String command() {
            return config.path("command").asText();
        }

        int epochs() {
            return config.path("budget").path("epochs").asInt();
        }

        String commit() {
            return ResultsIndex.shortCommit(config.path("environment"));
        }

        String machine() {
            JsonNode m = config.path("environment").path("machine");
            return m.path("cpu").asText() + ", " + m.path("cores").asText() + " cores";
        }

        String backend() {
            return ResultsIndex.backend(config.path("environment"));
        }

        Map<String, Object> metadata() {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("run", folder());
            meta.put("command", command());
            meta.put("date", config.path("started").asText());
            meta.put("machine", machine());
            meta.put("backend", backend());
            meta.put("budget", epochs() + " of " + config.path("budget").path("postEpochs").asInt() + " epochs ("
                    + config.path("budget").path("source").asText() + ")");
            meta.put("seed", config.path("seed").asLong());
            meta.put("commit", config.path("environment").path("gitCommit").asText("unknown"));
            meta.put("accuracy", metrics.path("accuracy").asDouble());
            meta.put("learningRate", KerasDefaults.LEARNING_RATE);
            return meta;
        }

        /** DL4J's model summary, as the run printed it. */
        String summary() {
            int first = -1;
            int last = -1;
            for (int i = 0; i < console.size(); i++) {
                if (console.get(i).startsWith("=====")) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            return first < 0 ? "(this run kept no model summary)" : String.join("\n", console.subList(first, last + 1));
        }

        /** The run's settings lines, its first and last epoch lines, and its final lines (no model summary). */
        String brief() {
            int summaryStart = -1;
            int summaryEnd = -1;
            int firstEpoch = -1;
            int lastEpoch = -1;
            for (int i = 0; i < console.size(); i++) {
                String line = console.get(i);
                if (line.startsWith("=====")) {
                    summaryStart = summaryStart < 0 ? i : summaryStart;
                    summaryEnd = i;
                } else if (line.startsWith("epoch ")) {
                    firstEpoch = firstEpoch < 0 ? i : firstEpoch;
                    lastEpoch = i;
                }
            }
            List<String> out = new ArrayList<>();
            int headEnd = firstEpoch < 0 ? console.size() : firstEpoch;
            for (int i = 0; i < headEnd; i++) {
                if ((i < summaryStart || i > summaryEnd) && !console.get(i).isBlank()) {
                    out.add(console.get(i));
                }
            }
            if (firstEpoch >= 0) {
                out.addAll(epochLines(firstEpoch, lastEpoch));
                console.subList(lastEpoch + 1, console.size()).stream().filter(l -> !l.isBlank()).forEach(out::add);
            }
            return String.join("\n", out);
        }

        private List<String> epochLines(int first, int last) {
            List<String> lines = console.subList(first, last + 1).stream().filter(l -> l.startsWith("epoch ")).toList();
            if (lines.size() <= 2 * EPOCH_LINES_SHOWN) {
                return lines;
            }
            List<String> shown = new ArrayList<>(lines.subList(0, EPOCH_LINES_SHOWN));
            shown.add("... (" + (lines.size() - 2 * EPOCH_LINES_SHOWN) + " more epoch lines in console.txt)");
            shown.addAll(lines.subList(lines.size() - EPOCH_LINES_SHOWN, lines.size()));
            return shown;
        }
    }
}
