package dev.ferry.core.filter;

import dev.ferry.core.filter.Condition.Operator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the filter language, a subset of MySQL's WHERE syntax that Ferry can evaluate exactly:
 *
 * <pre>
 * condition  := disjunct (OR disjunct)*
 * disjunct   := conjunct (AND conjunct)*
 * conjunct   := NOT conjunct | '(' condition ')' | predicate
 * predicate  := column op literal | literal op column | column [NOT] IN '(' literal, ... ')'
 *             | column [NOT] BETWEEN literal AND literal | column IS [NOT] NULL
 * op         := = | &lt;&gt; | != | &lt; | &lt;= | &gt; | &gt;=
 * literal    := [-|+] digits [. digits] | 'text' ('' for a quote) | NULL
 * column     := name | `quoted name`
 * </pre>
 *
 * Anything else is rejected with what was found and where, never guessed at.
 */
public final class FilterParser {
    private final String text;
    private final List<Token> tokens;
    private int pos;

    private FilterParser(String text) {
        this.text = text;
        this.tokens = new FilterLexer(text).tokens();
    }

    public static Condition parse(String text) {
        FilterParser parser = new FilterParser(text);
        if (parser.tokens.size() == 1) {
            throw new FilterException("the filter is empty");
        }
        Condition condition = parser.disjunction();
        if (parser.peek().kind() != Token.Kind.END) {
            throw parser.unexpected("AND, OR or the end of the filter");
        }
        return condition;
    }

    private Condition disjunction() {
        Condition left = conjunction();
        while (keyword("OR")) {
            left = new Condition.Or(left, conjunction());
        }
        return left;
    }

    private Condition conjunction() {
        Condition left = unary();
        while (keyword("AND")) {
            left = new Condition.And(left, unary());
        }
        return left;
    }

    private Condition unary() {
        if (keyword("NOT")) {
            return new Condition.Not(unary());
        }
        if (symbol("(")) {
            Condition inner = disjunction();
            expectSymbol(")");
            return inner;
        }
        return predicate();
    }

    private Condition predicate() {
        Token first = peek();
        if (first.kind() == Token.Kind.NUMBER || first.kind() == Token.Kind.STRING || isKeyword(first, "NULL")
                || first.kind() == Token.Kind.SIGN) {
            Literal literal = literal();
            Operator op = operator();
            return new Condition.Compare(column(), op.flipped(), literal);
        }
        String column = column();
        if (keyword("IS")) {
            boolean negated = keyword("NOT");
            expectKeyword("NULL");
            return new Condition.IsNull(column, negated);
        }
        boolean negated = keyword("NOT");
        if (keyword("IN")) {
            return new Condition.In(column, literalList(), negated);
        }
        if (keyword("BETWEEN")) {
            Literal low = literal();
            expectKeyword("AND");
            return new Condition.Between(column, low, literal(), negated);
        }
        if (negated) {
            throw unexpected("IN or BETWEEN after NOT");
        }
        return new Condition.Compare(column, operator(), literal());
    }

    private List<Literal> literalList() {
        expectSymbol("(");
        List<Literal> literals = new ArrayList<>();
        do {
            literals.add(literal());
        } while (symbol(","));
        expectSymbol(")");
        return literals;
    }

    private String column() {
        Token t = peek();
        if (t.kind() == Token.Kind.IDENTIFIER || t.kind() == Token.Kind.QUOTED_IDENTIFIER) {
            if (t.kind() == Token.Kind.IDENTIFIER && Token.RESERVED.contains(t.text().toUpperCase(Locale.ROOT))) {
                throw unexpected("a column name");
            }
            pos++;
            if (peek().kind() == Token.Kind.SYMBOL && peek().text().equals("(")) {
                throw new FilterException("'" + t.text() + "(' at character " + (t.start() + 1)
                        + " is a function call; filters compare columns with constants only");
            }
            if (peek().kind() == Token.Kind.SYMBOL && peek().text().equals(".")) {
                throw new FilterException("'" + t.text() + ".' at character " + (t.start() + 1)
                        + ": name the column without its table; a filter belongs to one table");
            }
            return t.text();
        }
        throw unexpected("a column name");
    }

    private Literal literal() {
        Token t = peek();
        if (t.kind() == Token.Kind.SIGN) {
            pos++;
            Token number = peek();
            if (number.kind() != Token.Kind.NUMBER) {
                throw unexpected("a number after '" + t.text() + "'");
            }
            pos++;
            BigDecimal value = new BigDecimal(number.text());
            return new Literal.Number(t.text().equals("-") ? value.negate() : value);
        }
        pos++;
        return switch (t.kind()) {
            case NUMBER -> new Literal.Number(new BigDecimal(t.text()));
            case STRING -> new Literal.Text(t.text());
            default -> {
                if (isKeyword(t, "NULL")) {
                    yield new Literal.Null();
                }
                pos--;
                throw unexpected("a number, a 'string' or NULL");
            }
        };
    }

    private Operator operator() {
        Token t = peek();
        if (t.kind() == Token.Kind.SYMBOL) {
            Operator op = switch (t.text()) {
                case "=" -> Operator.EQ;
                case "<>", "!=" -> Operator.NE;
                case "<" -> Operator.LT;
                case "<=" -> Operator.LE;
                case ">" -> Operator.GT;
                case ">=" -> Operator.GE;
                default -> null;
            };
            if (op != null) {
                pos++;
                return op;
            }
        }
        if (isKeyword(t, "LIKE") || isKeyword(t, "REGEXP") || isKeyword(t, "RLIKE")) {
            throw new FilterException(t.text() + " at character " + (t.start() + 1) + " is not supported: its result depends on "
                    + "the column's collation, which Ferry cannot evaluate exactly on binlog rows; use =, <> or IN");
        }
        if (t.kind() == Token.Kind.SYMBOL && t.text().equals("<=>")) {
            throw new FilterException("<=> at character " + (t.start() + 1) + " is not supported; use IS NULL or =");
        }
        throw unexpected("a comparison (=, <>, !=, <, <=, >, >=, IN, BETWEEN, IS NULL)");
    }

    private boolean keyword(String word) {
        if (isKeyword(peek(), word)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectKeyword(String word) {
        if (!keyword(word)) {
            throw unexpected(word);
        }
    }

    private boolean symbol(String s) {
        Token t = peek();
        if (t.kind() == Token.Kind.SYMBOL && t.text().equals(s)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectSymbol(String s) {
        if (!symbol(s)) {
            throw unexpected("'" + s + "'");
        }
    }

    private static boolean isKeyword(Token t, String word) {
        return t.kind() == Token.Kind.IDENTIFIER && t.text().equalsIgnoreCase(word);
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private FilterException unexpected(String expected) {
        Token t = peek();
        String found = t.kind() == Token.Kind.END ? "the end of the filter" : "'" + t.text() + "' at character " + (t.start() + 1);
        return new FilterException("expected " + expected + " but found " + found + " in: " + text);
    }
}
