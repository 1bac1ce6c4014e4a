package cnnvsmlp.run;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.evaluation.classification.Evaluation;

import cnnvsmlp.run.EpochResult;

/**
 * The final numbers of a run, written as {@code metrics.json}.
 *
 * @param evaluatedOn what the accuracy and loss were measured on
 * @param examples how many examples that set holds
 * @param accuracy Keras accuracy on it after the last epoch
 * @param loss mean squared error on it after the last epoch
 * @param trainAccuracy Keras' training accuracy of the last epoch
 * @param trainLoss Keras' training loss of the last epoch
 * @param epochsRun how many epochs ran
 * @param confusionMatrix rows: actual class, columns: predicted class
 * @param perClass precision and recall of each class
 */
public record Metrics(String evaluatedOn, long examples, double accuracy, double loss, double trainAccuracy,
        double trainLoss, int epochsRun, int[][] confusionMatrix, List<ClassMetrics> perClass) {

    /** Precision, recall and number of examples of one class. */
    public record ClassMetrics(int label, double precision, double recall, int support) {
    }

    public static Metrics of(String evaluatedOn, EpochResult last, Evaluation evaluation) {
        List<Integer> classes = evaluation.getConfusionMatrix().getClasses();
        int k = classes.size();
        int[][] matrix = new int[k][k];
        List<ClassMetrics> perClass = new ArrayList<>();
        long examples = 0;
        for (int actual = 0; actual < k; actual++) {
            for (int predicted = 0; predicted < k; predicted++) {
                matrix[actual][predicted] = evaluation.getConfusionMatrix().getCount(actual, predicted);
                examples += matrix[actual][predicted];
            }
            perClass.add(new ClassMetrics(actual, evaluation.precision(actual, 0.0), evaluation.recall(actual, 0.0),
                    evaluation.getConfusionMatrix().getActualTotal(actual)));
        }
        return new Metrics(evaluatedOn, examples, last.testAccuracy(), last.testLoss(), last.trainAccuracy(),
                last.trainLoss(), last.epoch(), matrix, perClass);
    }
}
