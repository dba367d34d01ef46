package dev.ferry.sink.bind;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A PreparedStatement stand-in that records its setter calls as {@code "setLong(1, 5)"}. */
final class RecordingStatement {
    final List<String> calls = new ArrayList<>();
    final PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                calls.add(method.getName() + "(" + render(args) + ")");
                return null;
            });

    private static String render(Object[] args) {
        StringBuilder out = new StringBuilder();
        for (Object arg : args) {
            out.append(out.length() == 0 ? "" : ", ").append(arg instanceof byte[] b ? Arrays.toString(b) : String.valueOf(arg));
        }
        return out.toString();
    }
}
