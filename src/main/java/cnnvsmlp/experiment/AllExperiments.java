package cnnvsmlp.experiment;

import cnnvsmlp.model.ExperimentId;
import java.util.ArrayList;
import java.util.List;

import cnnvsmlp.data.BeansData;
import cnnvsmlp.data.Mnist;
import cnnvsmlp.report.compare.ComparisonTable;
import cnnvsmlp.runtime.Nd4jRuntime;

/** The main job: the three experiments one after the other, then a table that compares them. */
public final class AllExperiments {

    private AllExperiments() {
    }

    /**
     * @param beans what the beans run trains (on the post's points for its seed)
     * @param mnistMlp what the MNIST MLP run trains
     * @param lenet5 what the LeNet-5 run trains
     * @param context where all three go
     */
    public static List<RunResult> run(RunSpec beans, RunSpec mnistMlp, RunSpec lenet5, RunContext context) {
        Mnist mnist = MnistData.load(context); // first, so a missing data set stops the job before any training
        List<RunResult> results = new ArrayList<>();
        results.add(Run.run(new BeansExperiment(BeansData.generate(BeansData.POST_SIZE, beans.seed())), beans,
                context));
        Nd4jRuntime.releaseUnreachableArrays();
        results.add(Run.run(new MnistExperiment(ExperimentId.MNIST_MLP, mnist), mnistMlp, context));
        Nd4jRuntime.releaseUnreachableArrays(); // the MLP's data sets before LeNet-5's: one set at a time in memory
        results.add(Run.run(new MnistExperiment(ExperimentId.LENET5, mnist), lenet5, context));
        context.console().println();
        context.console().print(ComparisonTable.render(results.stream().map(AllExperiments::row).toList()));
        if (mnistMlp.epochs() == lenet5.epochs() && mnistMlp.batchSize() == lenet5.batchSize()) {
            Comparison.write(mnistMlp, context, results.get(1), results.get(2));
        }
        return results;
    }

    private static ComparisonTable.Row row(RunResult r) {
        return new ComparisonTable.Row(r.experiment().model(), r.parameters(), r.epochsRun(), ExperimentId.POST_EPOCHS,
                r.accuracy(), r.metrics().evaluatedOn(), r.seconds());
    }
}
