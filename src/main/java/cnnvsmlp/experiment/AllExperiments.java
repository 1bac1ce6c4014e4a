package cnnvsmlp.experiment;

import java.util.ArrayList;
import java.util.List;

import cnnvsmlp.data.Mnist;
import cnnvsmlp.report.ComparisonTable;

/** The main job: the three experiments one after the other, then a table that compares them. */
public final class AllExperiments {

    private AllExperiments() {
    }

    /**
     * @param beans settings of the beans run
     * @param mnistMlp settings of the MNIST MLP run
     * @param lenet5 settings of the LeNet-5 run
     */
    public static List<RunResult> run(Settings beans, Settings mnistMlp, Settings lenet5) {
        Mnist mnist = MnistData.load(mnistMlp); // first, so a missing data set stops the job before any training
        List<RunResult> results = new ArrayList<>();
        results.add(BeansExperiment.run(beans));
        results.add(MnistMlpExperiment.run(mnistMlp, mnist));
        results.add(LeNet5Experiment.run(lenet5, mnist));
        beans.console().println();
        beans.console().print(ComparisonTable.render(results.stream().map(AllExperiments::row).toList()));
        if (mnistMlp.epochs() == lenet5.epochs() && mnistMlp.batchSize() == lenet5.batchSize()) {
            Comparison.write(mnistMlp, results.get(1), results.get(2));
        }
        return results;
    }

    private static ComparisonTable.Row row(RunResult r) {
        return new ComparisonTable.Row(r.experiment().model(), r.parameters(), r.epochsRun(), Experiment.POST_EPOCHS,
                r.accuracy(), r.metrics().evaluatedOn(), r.seconds());
    }
}
