package cnnvsmlp.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import cnnvsmlp.model.BeansMlp;

class JavaSourceTest {

    static final String SOURCE = """
            class A {
                /** Says hello. */
                String hello(String name) {
                    if (name.equals("}")) { // a brace in a comment: }
                        return "{";
                    }
                    return "hi " + name;
                }

                int other() {
                    return 1;
                }
            }
            """;

    @Test
    void aMemberWithItsJavadocThroughItsMatchingBrace() {
        assertEquals("""
                /** Says hello. */
                String hello(String name) {
                    if (name.equals("}")) { // a brace in a comment: }
                        return "{";
                    }
                    return "hi " + name;
                }""", JavaSource.member(SOURCE, "String hello("));
        assertEquals("int other() {\n    return 1;\n}", JavaSource.member(SOURCE, "int other()"));
        assertThrows(IllegalArgumentException.class, () -> JavaSource.member(SOURCE, "void missing("));
    }

    @Test
    void theJarCarriesTheSourceThatIsOnDisk() throws Exception {
        String onDisk = Files.readString(Path.of("src/main/java/cnnvsmlp/model/BeansMlp.java"));
        assertEquals(onDisk, JavaSource.of(BeansMlp.class));
        JavaSource.Quote quote = JavaSource.quote(BeansMlp.class, RunNotebooks.CONFIGURATION);
        assertEquals("cnnvsmlp/model/BeansMlp.java", quote.file());
        assertTrue(quote.text().contains(".layer(denseOutput(1, Activation.SIGMOID, recipe))"), quote.text());
    }
}
