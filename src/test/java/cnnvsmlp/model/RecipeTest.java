package cnnvsmlp.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cnnvsmlp.run.RunConfig;

/** The recipe config.json records is the recipe read back: by the optimizer's name, or an old file's exact sentence. */
class RecipeTest {

    @Test
    void everyRecipeReadsBackAsItself() {
        for (Recipe r : new Recipe[] {Recipe.POST, Recipe.modern(false), Recipe.modern(true),
            new Recipe(Recipe.Loss.CATEGORICAL_CROSSENTROPY, Recipe.Optimizer.SGD, 0.1)}) {
            assertEquals(r, Recipe.fromHyperParameters(r.hyperParameters()));
        }
        assertEquals("adam", Recipe.modern(false).hyperParameters().get("optimizerName"));
    }

    @Test
    void configsWrittenBeforeTheOptimizersNameStillRead() {
        // committed runs of 2026-11-28 and -30: the post's training, and the modern recipe (Adam)
        RunConfig post = RunConfig.read(Path.of("results/mnist-mlp/20261128-165959-seed42"));
        RunConfig modern = RunConfig.read(Path.of("results/lenet5/20261130-083113-seed42"));
        assertTrue(!post.hyperParameters().containsKey("optimizerName"));
        assertEquals(Recipe.POST, Recipe.fromHyperParameters(post.hyperParameters()));
        assertEquals(Recipe.modern(false), Recipe.fromHyperParameters(modern.hyperParameters()));
    }

    @Test
    void anOptimizerNotKnownIsRefusedNotTakenForSgd() {
        Map<String, Object> h = new LinkedHashMap<>(Recipe.POST.hyperParameters());
        h.remove("optimizerName");
        h.put("optimizer", "RMSprop (rho 0.9)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Recipe.fromHyperParameters(h));
        assertTrue(e.getMessage().contains("unknown optimizer 'RMSprop (rho 0.9)'"), e.getMessage());
        h.put("optimizerName", "rmsprop");
        assertThrows(IllegalArgumentException.class, () -> Recipe.fromHyperParameters(h));
    }
}
