package dev.ferry.sink.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DestinationUrlTest {

    @Test
    void addsTheSinksPropertiesToAPlainUrl() {
        assertThat(DestinationUrl.withSinkProperties("jdbc:mysql://db:3306/")).isEqualTo("jdbc:mysql://db:3306/"
                + "?useServerPrepStmts=false&characterEncoding=UTF-8&connectionCollation=utf8mb4_bin&allowPublicKeyRetrieval=true");
    }

    @Test
    void keepsWhatTheUserSetAndAppendsTheRest() {
        assertThat(DestinationUrl.withSinkProperties("jdbc:mysql://db/x?UseServerPrepStmts=false&sslMode=REQUIRED"))
                .isEqualTo("jdbc:mysql://db/x?UseServerPrepStmts=false&sslMode=REQUIRED"
                        + "&characterEncoding=UTF-8&connectionCollation=utf8mb4_bin");
        assertThat(DestinationUrl.withSinkProperties("jdbc:mysql://db/?allowPublicKeyRetrieval=false&"))
                .isEqualTo("jdbc:mysql://db/?allowPublicKeyRetrieval=false&useServerPrepStmts=false"
                        + "&characterEncoding=UTF-8&connectionCollation=utf8mb4_bin");
    }

    @Test
    void allowsLocalInfileOnlyForLoadsAndUnlessTheUrlSaysOtherwise() {
        assertThat(DestinationUrl.withSinkProperties("jdbc:mysql://db:3306/", true)).isEqualTo("jdbc:mysql://db:3306/"
                + "?useServerPrepStmts=false&allowLoadLocalInfile=true&characterEncoding=UTF-8&connectionCollation=utf8mb4_bin"
                + "&allowPublicKeyRetrieval=true");
        assertThat(DestinationUrl.withSinkProperties("jdbc:mysql://db/?allowLoadLocalInfile=false&sslMode=REQUIRED", true))
                .isEqualTo("jdbc:mysql://db/?allowLoadLocalInfile=false&sslMode=REQUIRED&useServerPrepStmts=false"
                        + "&characterEncoding=UTF-8&connectionCollation=utf8mb4_bin");
        assertThat(DestinationUrl.withSinkProperties("jdbc:mysql://db/", false)).doesNotContain("allowLoadLocalInfile");
    }

    @Test
    void namesHostAndPortForMessages() {
        assertThat(DestinationUrl.hostAndPort("jdbc:mysql://db.example.com:3307/shop?x=1")).isEqualTo("db.example.com:3307");
        assertThat(DestinationUrl.hostAndPort("jdbc:mysql://db.example.com/")).isEqualTo("db.example.com:3306");
        assertThat(DestinationUrl.hostAndPort("jdbc:postgresql://x/")).isEqualTo("jdbc:postgresql://x/");
    }

    @Test
    void theSessionHasAFixedModeThatAllowsZeroDates() {
        assertThat(SessionSettings.INIT_SQL).contains("foreign_key_checks = 0", "time_zone = '+00:00'",
                "NO_AUTO_VALUE_ON_ZERO", "STRICT_TRANS_TABLES").doesNotContain("NO_ZERO_DATE", "@@");
    }
}
