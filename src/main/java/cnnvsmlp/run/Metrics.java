package cnnvsmlp.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.nd4j.evaluation.classification.Evaluation;

import cnnvsmlp.FixableProblem;

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

    /** The metrics.json of the run folder {@code run}; a damaged file is a problem that names it. */
    public static Metrics read(Path run) {
        Path file = run.resolve(RunFolder.METRICS);
        try {
            Metrics m = Json.MAPPER.readValue(file.toFile(), Metrics.class);
            if (m.evaluatedOn() == null || !(m.accuracy() >= 0 && m.accuracy() <= 1) || m.epochsRun() < 1) {
                throw new FixableProblem(file + " is damaged (missing or invalid: evaluatedOn, accuracy or epochsRun);"
                        + " restore it from a copy, or train the run again");
            }
            return m;
        } catch (JsonProcessingException e) {
            throw new FixableProblem(file + " is damaged (" + e.getOriginalMessage().lines().findFirst().orElse("")
                    + "); restore it from a copy, or train the run again", e);
        } catch (IOException e) {
            throw new FixableProblem(file + " cannot be read (" + e.getMessage() + ")", e);
        }
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
