package cnnvsmlp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ProseTest {

    @Test
    void sectionsRunFromTheirMarkerToTheNextWithPlaceholdersFilled() {
        Prose prose = Prose.parse("t.md", "<!-- one -->\n# {{title}}\n\nText.\n<!-- two -->\nline\n\n\n<!-- 3-x.y -->\n"
                + "{{a}} and {{a}}, $1 \\\\ kept\n");
        assertEquals("# Hello\n\nText.", prose.get("one", Map.of("title", "Hello")));
        assertEquals("line\n\n", prose.get("two"), "blank lines before the next marker belong to the text");
        assertEquals("x$ and x$, $1 \\\\ kept", prose.get("3-x.y", Map.of("a", "x$")));
        assertEquals("t.md, section one: no value for {{title}}",
                assertThrows(IllegalArgumentException.class, () -> prose.get("one")).getMessage());
        assertEquals("t.md has no section four", assertThrows(IllegalArgumentException.class,
                () -> prose.get("four")).getMessage());
    }

    @Test
    void everyLanguageHasTheSameSections() {
        for (String document : new String[] {"1-beans", "2-mnist-mlp", "3-lenet5", "mnist", "4-compare", "intro"}) {
            Prose en = Prose.load("en", document);
            Prose zh = Prose.load("zh", document);
            assertEquals(en.names(), zh.names().stream().filter(en.names()::contains).toList(), document);
        }
    }
}
