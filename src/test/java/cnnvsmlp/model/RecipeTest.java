package cnnvsmlp.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import cnnvsmlp.run.HyperParameters;
import cnnvsmlp.run.RunConfig;

/** The recipe config.json records is the recipe read back: by the optimizer's name, or an old file's exact sentence. */
class RecipeTest {

    @Test
    void everyRecipeReadsBackAsItself() {
        for (Recipe r : new Recipe[] {Recipe.POST, Recipe.modern(false), Recipe.modern(true),
            new Recipe(Recipe.Loss.CATEGORICAL_CROSSENTROPY, Recipe.Optimizer.SGD, 0.1)}) {
            assertEquals(r, Recipe.fromHyperParameters(r.hyperParameters(null)));
        }
        assertEquals("adam", Recipe.modern(false).hyperParameters(null).optimizerName());
    }

    @Test
    void configsWrittenBeforeTheOptimizersNameStillRead() {
        // committed runs of 2026-11-28 and -30: the post's training, and the modern recipe (Adam)
        RunConfig post = RunConfig.read(Path.of("results/mnist-mlp/20261128-165959-seed42"));
        RunConfig modern = RunConfig.read(Path.of("results/lenet5/20261130-083113-seed42"));
        assertNull(post.hyperParameters().optimizerName());
        assertEquals(2048, post.batchSize());
        assertEquals("--training modern", modern.hyperParameters().training());
        assertEquals(Recipe.POST, Recipe.fromHyperParameters(post.hyperParameters()));
        assertEquals(Recipe.modern(false), Recipe.fromHyperParameters(modern.hyperParameters()));
    }

    @Test
    void anOptimizerNotKnownIsRefusedNotTakenForSgd() {
        HyperParameters sentence = HyperParameters.recipe("mean_squared_error", "RMSprop (rho 0.9)", null, 0.05, null);
        HyperParameters h = sentence;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Recipe.fromHyperParameters(h));
        assertTrue(e.getMessage().contains("unknown optimizer 'RMSprop (rho 0.9)'"), e.getMessage());
        HyperParameters named = HyperParameters.recipe("mean_squared_error", "RMSprop (rho 0.9)", "rmsprop", 0.05, null);
        assertThrows(IllegalArgumentException.class, () -> Recipe.fromHyperParameters(named));
    }

    @Test
    void theBriefFormAndTheLossAreReadBackFromTheDescription() {
        assertEquals("categorical_crossentropy, adam", Recipe.brief(Recipe.modern(false).describe()));
        assertEquals("mean_squared_error, sgd", Recipe.brief(Recipe.POST.describe()));
        assertEquals("categorical_crossentropy", Recipe.lossOf(Recipe.modern(false).describe()));
        assertEquals("mean_squared_error, sgd(lr=0.05)", Recipe.POST.lossAndOptimizer());
        assertEquals(Recipe.POST.lossAndOptimizer() + ", no momentum", Recipe.POST.describe());
    }
}
