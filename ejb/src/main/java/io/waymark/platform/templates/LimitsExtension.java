package io.waymark.platform.templates;

import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.extension.core.RangeFunction;
import io.pebbletemplates.pebble.lexer.Token;
import io.pebbletemplates.pebble.node.AbstractRenderableNode;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.ForNode;
import io.pebbletemplates.pebble.node.MacroNode;
import io.pebbletemplates.pebble.node.NamedArgumentNode;
import io.pebbletemplates.pebble.node.PositionalArgumentNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.expression.ConcatenateExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.FunctionOrMacroInvocationExpression;
import io.pebbletemplates.pebble.node.expression.LiteralIntegerExpression;
import io.pebbletemplates.pebble.node.expression.LiteralLongExpression;
import io.pebbletemplates.pebble.node.expression.LiteralStringExpression;
import io.pebbletemplates.pebble.node.expression.RangeExpression;
import io.pebbletemplates.pebble.node.expression.UnaryMinusExpression;
import io.pebbletemplates.pebble.operator.Associativity;
import io.pebbletemplates.pebble.operator.BinaryOperator;
import io.pebbletemplates.pebble.operator.BinaryOperatorImpl;
import io.pebbletemplates.pebble.operator.BinaryOperatorType;
import io.pebbletemplates.pebble.parser.Parser;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.tokenParser.ForTokenParser;
import io.pebbletemplates.pebble.tokenParser.MacroTokenParser;
import io.pebbletemplates.pebble.tokenParser.TokenParser;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The limits, compiled into every template: the core {@code for} and {@code macro} tags parse as
 * usual and get a checkpoint as the first node of their body (so each iteration and each call is
 * counted against the render's {@link RenderBudget}), a {@code for} over a literal range longer
 * than the limit does not compile, {@code range} (which {@code a..b} calls too) counts its items
 * before building them, and {@code ~} refuses to build a string longer than the output limit.
 * Everything else is Pebble's own: the core parsers and functions are called, not copied.
 */
final class LimitsExtension extends AbstractExtension {

  private static final String RANGE = RangeFunction.FUNCTION_NAME;
  private static final int CONCATENATION_PRECEDENCE = 110; // the core operator's

  private final TemplateLimits limits;

  LimitsExtension(TemplateLimits limits) {
    this.limits = limits;
  }

  @Override
  public Map<String, Function> getFunctions() {
    return Map.of(RANGE, new CappedRange());
  }

  @Override
  public List<TokenParser> getTokenParsers() {
    List<TokenParser> parsers = new ArrayList<>(List.of(new CountedFor(), new CountedMacro()));
    REFUSED_TAGS.forEach(tag -> parsers.add(new RefusedTag(tag)));
    return parsers;
  }

  /**
   * Tags that name another template ({@code include}, {@code extends}, {@code import}, {@code
   * from}, {@code embed}) or keep state in the engine ({@code cache}, {@code parallel}): a Waymark
   * template is self-contained (there are no named templates: the string loader would compile the
   * name itself, data included, as a template), so these are syntax errors at save.
   */
  static final List<String> REFUSED_TAGS =
      List.of("include", "extends", "import", "from", "embed", "cache", "parallel");

  private static final class RefusedTag implements TokenParser {
    private final String tag;

    RefusedTag(String tag) {
      this.tag = tag;
    }

    @Override
    public String getTag() {
      return tag;
    }

    @Override
    public RenderableNode parse(Token token, Parser parser) {
      throw new ParserException(
          null,
          "the {% " + tag + " %} tag is not available: a template is self-contained",
          token.getLineNumber(),
          null);
    }
  }

  @Override
  public List<BinaryOperator> getBinaryOperators() {
    return List.of(
        new BinaryOperatorImpl(
            "~",
            CONCATENATION_PRECEDENCE,
            CappedConcatenation::new,
            BinaryOperatorType.NORMAL,
            Associativity.LEFT));
  }

  /** Pebble's {@code range}, once the number of items it would build is within the limit. */
  private static final class CappedRange implements Function {
    private final RangeFunction core = new RangeFunction();

    @Override
    public List<String> getArgumentNames() {
      return core.getArgumentNames();
    }

    @Override
    public Object execute(
        Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
      RenderBudget.current()
          .range(RangeSize.of(args.get("start"), args.get("end"), args.get("increment")), line);
      return core.execute(args, self, context, line);
    }
  }

  /** {@code for}: counted iterations; a literal range beyond the limit is a compile error. */
  private final class CountedFor implements TokenParser {
    private final ForTokenParser core = new ForTokenParser();

    @Override
    public String getTag() {
      return core.getTag();
    }

    @Override
    public RenderableNode parse(Token token, Parser parser) {
      ForNode loop = (ForNode) core.parse(token, parser);
      long items = literalRangeSize(loop.getIterable());
      if (items > limits.maxLoop()) {
        throw RenderBudget.rangeTooLong(items, limits, loop.getLineNumber());
      }
      return new ForNode(
          loop.getLineNumber(),
          loop.getIterationVariable(),
          loop.getIterable(),
          withCheckpoint(loop.getBody(), Checkpoint.LOOP),
          loop.getElseBody());
    }
  }

  /** {@code macro}: counted calls. */
  private static final class CountedMacro implements TokenParser {
    private final MacroTokenParser core = new MacroTokenParser();

    @Override
    public String getTag() {
      return core.getTag();
    }

    @Override
    public RenderableNode parse(Token token, Parser parser) {
      MacroNode macro = (MacroNode) core.parse(token, parser);
      return new MacroNode(
          macro.getName(), macro.getArgs(), withCheckpoint(macro.getBody(), Checkpoint.MACRO));
    }
  }

  private static BodyNode withCheckpoint(BodyNode body, boolean loop) {
    List<RenderableNode> children = new ArrayList<>();
    children.add(new Checkpoint(body.getLineNumber(), loop));
    children.addAll(body.getChildren());
    return new BodyNode(body.getLineNumber(), children);
  }

  /** Counts one loop iteration or one macro call when rendered; writes nothing. */
  private static final class Checkpoint extends AbstractRenderableNode {
    static final boolean LOOP = true;
    static final boolean MACRO = false;
    private final boolean loop;

    Checkpoint(int line, boolean loop) {
      super(line);
      this.loop = loop;
    }

    @Override
    public void render(PebbleTemplateImpl self, Writer writer, EvaluationContextImpl context) {
      if (loop) {
        RenderBudget.current().loopIteration(getLineNumber());
      } else {
        RenderBudget.current().macroCall(getLineNumber());
      }
    }

    @Override
    public void accept(NodeVisitor visitor) {
      visitor.visit(this);
    }
  }

  /** {@code a ~ b}, refused once the result is longer than the output may be. */
  private static final class CappedConcatenation extends ConcatenateExpression {
    @Override
    public String evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      String joined = super.evaluate(self, context);
      RenderBudget.current().joined(joined == null ? 0 : joined.length(), getLineNumber());
      return joined;
    }
  }

  /**
   * The items of {@code range(…)} or {@code a..b} when all its arguments are literals; 0 otherwise
   * (the render counts it then).
   */
  static long literalRangeSize(Expression<?> iterable) {
    Map<String, Object> args = new HashMap<>();
    if (iterable instanceof RangeExpression range) {
      args.put("start", literal(range.getLeftExpression()));
      args.put("end", literal(range.getRightExpression()));
    } else if (iterable instanceof FunctionOrMacroInvocationExpression call
        && RANGE.equals(call.getFunctionName())) {
      ArgumentsNode given = call.getArguments();
      List<String> names = List.of("start", "end", "increment");
      List<PositionalArgumentNode> positional = given.getPositionalArgs();
      for (int i = 0; positional != null && i < positional.size() && i < names.size(); i++) {
        args.put(names.get(i), literal(positional.get(i).getValueExpression()));
      }
      if (given.getNamedArgs() != null) {
        for (NamedArgumentNode named : given.getNamedArgs()) {
          args.put(named.getName(), literal(named.getValueExpression()));
        }
      }
    } else {
      return 0;
    }
    if (args.containsValue(NOT_LITERAL)) {
      return 0;
    }
    return RangeSize.of(args.get("start"), args.get("end"), args.get("increment"));
  }

  private static final Object NOT_LITERAL = new Object();

  private static Object literal(Expression<?> e) {
    if (e instanceof LiteralLongExpression l) {
      return l.getValue();
    } else if (e instanceof LiteralIntegerExpression i) {
      return i.getValue().longValue();
    } else if (e instanceof LiteralStringExpression s) {
      return s.getValue();
    } else if (e instanceof UnaryMinusExpression minus
        && literal(minus.getChildExpression()) instanceof Long l) {
      return -l;
    }
    return NOT_LITERAL;
  }
}
