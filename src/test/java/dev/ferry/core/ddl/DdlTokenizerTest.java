package dev.ferry.core.ddl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DdlTokenizerTest {

    @Test
    void tokensConcatenateToTheInput() {
        String ddl = "CREATE TABLE `a``b` (\n  `c` int DEFAULT '1''2\\'' COMMENT \"x`y\", -- note\n  d# x\n) /*!50100 PARTITION BY HASH (`c`) */ /* c */";
        assertThat(Tokens.text(DdlTokenizer.tokenize(ddl))).isEqualTo(ddl);
    }

    @Test
    void quotedIdentifiersStringsAndCommentsAreSingleTokens() {
        List<DdlToken> tokens = significant("`a``b` 'it''s `not` an id' \"q\" /* `c` */ x.y 1.5e3 12abc");
        assertThat(tokens).extracting(DdlToken::type).containsExactly(DdlToken.Type.QUOTED_IDENTIFIER, DdlToken.Type.STRING,
                DdlToken.Type.STRING, DdlToken.Type.WORD, DdlToken.Type.SYMBOL, DdlToken.Type.WORD, DdlToken.Type.NUMBER,
                DdlToken.Type.NUMBER);
        assertThat(tokens.get(0).name()).isEqualTo("a`b");
        assertThat(DdlTokenizer.tokenize("/* `c` */").get(0).type()).isEqualTo(DdlToken.Type.COMMENT);
    }

    @Test
    void versionedCommentsAreTokenizedInside() {
        List<DdlToken> tokens = significant("/*!50100 PARTITION BY KEY (`id`) */");
        assertThat(tokens).extracting(DdlToken::type).containsExactly(DdlToken.Type.VERSIONED_OPEN, DdlToken.Type.WORD,
                DdlToken.Type.WORD, DdlToken.Type.WORD, DdlToken.Type.SYMBOL, DdlToken.Type.QUOTED_IDENTIFIER,
                DdlToken.Type.SYMBOL, DdlToken.Type.VERSIONED_CLOSE);
    }

    @Test
    void identifierRoundTripsThroughQuoting() {
        assertThat(DdlToken.identifier("we`ird").text()).isEqualTo("`we``ird`");
        assertThat(DdlToken.identifier("we`ird").name()).isEqualTo("we`ird");
    }

    @Test
    void unterminatedTokensAreRefused() {
        assertThatThrownBy(() -> DdlTokenizer.tokenize("`abc")).isInstanceOf(DdlSyntaxException.class).hasMessageContaining("identifier");
        assertThatThrownBy(() -> DdlTokenizer.tokenize("'abc")).isInstanceOf(DdlSyntaxException.class).hasMessageContaining("string");
        assertThatThrownBy(() -> DdlTokenizer.tokenize("/* abc")).isInstanceOf(DdlSyntaxException.class).hasMessageContaining("comment");
    }

    private static List<DdlToken> significant(String text) {
        return DdlTokenizer.tokenize(text).stream().filter(DdlToken::significant).toList();
    }
}
