package org.opsbook.notify.internal;

import com.github.jknack.handlebars.Handlebars;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import freemarker.template.Configuration;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.opsbook.core.RuleId;
import org.opsbook.notify.HandlingParty;

/**
 * W4 (benchmarks.md, Appendix B "Tpl"): render one SMS from 64k pre-built contexts drawn from a fixed seed, with
 * opsbook's {@link Template} (strict placeholders on: a missing value is an error, never a blank) beside Pebble,
 * mustache.java, Handlebars, FreeMarker, {@link MessageFormat}, a {@code String.replace} chain, and hand-written
 * concatenation (the floor). Each engine gets its context in its own native form, built in the setup; the setup
 * asserts that every implementation renders every context to the identical string.
 *
 * <p>The {@code tpl01*} pair renders the manual's NOTIFY-TPL-01 (12 placeholders, Chinese text) with opsbook and by
 * concatenation; {@code oursWithSegments} adds the UCS-2 segment count that a send needs.
 *
 * <p>Run: {@code mvn -B -ntp -Pbench -pl ops-benchmarks -am package -DskipTests} then
 * {@code java -jar ops-benchmarks/target/benchmarks.jar SmsRenderBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SmsRenderBenchmark {
  static final int N = 1 << 16;
  static final String[] NAMES = {"severity", "id", "site", "service", "since", "eta", "ticket"};
  static final String TEXT = "[{severity}] Incident {id} at {site}: {service} degraded since {since}. ETA {eta}. "
      + "Ref {ticket}";

  private static final String[] SITES = {"福田营业厅", "南山科技园营业厅", "罗湖东门营业厅", "宝安机场营业厅", "龙岗中心城营业厅"};
  private static final String[] SERVICES = {"BOSS缴费", "CRM开户", "IBOSS查询", "CallCenter接入", "网上营业厅登录"};

  private String[][] raw;
  private TemplateValues[] oursValues;
  private Map<String, Object>[] maps;
  private Object[][] arrays;
  private Template ours;
  private MessageFormat messageFormat;
  private PebbleTemplate pebble;
  private Mustache mustache;
  private com.github.jknack.handlebars.Template handlebars;
  private freemarker.template.Template freemarker;

  private String[][] tpl01Raw;
  private TemplateValues[] tpl01Values;
  private Template tpl01;
  private int next;

  @Setup(Level.Trial)
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void setUp() throws IOException {
    SplittableRandom rnd = new SplittableRandom(42);
    PlaceholderSet names = PlaceholderSet.of(NAMES);
    ours = Template.compile(RuleId.of("BENCH-TPL-01"), TEXT, names);
    messageFormat = new MessageFormat("[{0}] Incident {1} at {2}: {3} degraded since {4}. ETA {5}. Ref {6}");
    pebble = new PebbleEngine.Builder().loader(new StringLoader()).autoEscaping(false).strictVariables(true).build()
        .getTemplate(TEXT.replace("{", "{{").replace("}", "}}"));
    mustache = new DefaultMustacheFactory().compile(new StringReader(TEXT.replace("{", "{{{").replace("}", "}}}")),
        "sms");
    handlebars = new Handlebars().compileInline(TEXT.replace("{", "{{{").replace("}", "}}}"));
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    freemarker = new freemarker.template.Template("sms", new StringReader(TEXT.replace("{", "${")), cfg);

    raw = new String[N][];
    oursValues = new TemplateValues[N];
    maps = new Map[N];
    arrays = new Object[N][];
    for (int i = 0; i < N; i++) {
      String[] c = {
          "P" + (1 + rnd.nextInt(4)),
          "INC-" + (100_000 + rnd.nextInt(900_000)),
          SITES[rnd.nextInt(SITES.length)],
          SERVICES[rnd.nextInt(SERVICES.length)],
          String.format("%02d:%02d", rnd.nextInt(24), rnd.nextInt(60)),
          rnd.nextInt(3) == 0 ? "待定" : String.format("%02d:%02d", rnd.nextInt(24), rnd.nextInt(60)),
          "AMS" + (10_000_000 + rnd.nextInt(90_000_000))};
      raw[i] = c;
      TemplateValues.Builder b = TemplateValues.builder(names);
      Map<String, Object> m = new HashMap<>();
      for (int k = 0; k < NAMES.length; k++) {
        b.put(NAMES[k], c[k]);
        m.put(NAMES[k], c[k]);
      }
      oursValues[i] = b.build();
      maps[i] = m;
      arrays[i] = c.clone();
    }
    setUpTpl01(rnd);
    check("replaceChain", this::replaceChainAt);
    check("messageFormat", i -> messageFormat.format(arrays[i]));
    check("pebble", this::pebbleAt);
    check("mustache", this::mustacheAt);
    check("handlebars", this::handlebarsAt);
    check("freemarker", this::freemarkerAt);
    check("ours", i -> ours.render(oursValues[i]));
    for (int i = 0; i < N; i++) {
      if (!tpl01.render(tpl01Values[i]).equals(concatTpl01At(i))) {
        throw new IllegalStateException("tpl01 differs at context " + i);
      }
    }
  }

  private void setUpTpl01(SplittableRandom rnd) {
    tpl01 = TemplateSet.standard().get(TemplateSet.TPL_01);
    FaultTimeFormat time = FaultTimeFormat.defaults();
    tpl01Raw = new String[N][];
    tpl01Values = new TemplateValues[N];
    for (int i = 0; i < N; i++) {
      Instant t = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(rnd.nextInt(365 * 24 * 60) * 60L);
      String[] c = {
          SERVICES[rnd.nextInt(SERVICES.length)],
          null, null, null, null, null,
          SITES[rnd.nextInt(SITES.length)] + "无法办理业务",
          rnd.nextBoolean() ? "待查" : "接口机进程异常",
          "全市" + (1 + rnd.nextInt(60)) + "个营业厅",
          rnd.nextBoolean() ? HandlingParty.IT_CENTER.label() : HandlingParty.PROVINCE.label(),
          "今天" + (12 + rnd.nextInt(10)) + "时前",
          rnd.nextBoolean() ? "张三" : "李四"};
      TemplateValues.Builder b = TemplateValues.builder(TemplateSet.PLACEHOLDERS);
      time.fill(b, t);
      for (String name : List.of("Y", "M", "D", "h", "m")) {
        c[TemplateSet.PLACEHOLDERS.slotOf(name)] = b.build().get(name).orElseThrow();
      }
      for (int k = 0; k < 12; k++) {
        b.put(TemplateSet.PLACEHOLDERS.nameAt(k), c[k]);
      }
      tpl01Raw[i] = c;
      tpl01Values[i] = b.build();
    }
  }

  private void check(String impl, IntFunction<String> render) {
    for (int i = 0; i < N; i++) {
      String expected = concatAt(i);
      String got = render.apply(i);
      if (!expected.equals(got)) {
        throw new IllegalStateException(impl + " differs at context " + i + ": " + got + " != " + expected);
      }
    }
  }

  private int index() {
    return next++ & (N - 1);
  }

  private String concatAt(int i) {
    String[] c = raw[i];
    return "[" + c[0] + "] Incident " + c[1] + " at " + c[2] + ": " + c[3] + " degraded since " + c[4] + ". ETA "
        + c[5] + ". Ref " + c[6];
  }

  private String replaceChainAt(int i) {
    String[] c = raw[i];
    return TEXT.replace("{severity}", c[0]).replace("{id}", c[1]).replace("{site}", c[2]).replace("{service}", c[3])
        .replace("{since}", c[4]).replace("{eta}", c[5]).replace("{ticket}", c[6]);
  }

  private String pebbleAt(int i) {
    StringWriter w = new StringWriter(128);
    try {
      pebble.evaluate(w, maps[i]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private String mustacheAt(int i) {
    StringWriter w = new StringWriter(128);
    mustache.execute(w, maps[i]);
    return w.toString();
  }

  private String handlebarsAt(int i) {
    try {
      return handlebars.apply(maps[i]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String freemarkerAt(int i) {
    StringWriter w = new StringWriter(128);
    try {
      freemarker.process(maps[i], w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (freemarker.template.TemplateException e) {
      throw new IllegalStateException(e);
    }
    return w.toString();
  }

  private String concatTpl01At(int i) {
    String[] c = tpl01Raw[i];
    return c[0] + "故障通知:故障时间:" + c[1] + "年" + c[2] + "月" + c[3] + "日" + c[4] + "时" + c[5] + "分,故障现象:" + c[6]
        + ",故障原因:" + c[7] + ",影响范围:" + c[8] + ",处理情况:目前" + c[9] + "正在抢修,预计恢复时间:" + c[10]
        + ",故障跟进人:" + c[11] + " 。";
  }

  /** opsbook's strict template. */
  @Benchmark
  public String ours() {
    return ours.render(oursValues[index()]);
  }

  /** opsbook's strict template plus the UCS-2 segment count a send needs. */
  @Benchmark
  public int oursWithSegments() {
    return SmsLength.of(ours.render(oursValues[index()])).segments();
  }

  /** The floor: hand-written concatenation. */
  @Benchmark
  public String concat() {
    return concatAt(index());
  }

  /** A {@code String.replace} chain, what a team writes without a library. */
  @Benchmark
  public String replaceChain() {
    return replaceChainAt(index());
  }

  /** {@link MessageFormat} with positional arguments. */
  @Benchmark
  public String messageFormat() {
    return messageFormat.format(arrays[index()]);
  }

  /** Pebble 4.1.2, auto-escaping off, strict variables on. */
  @Benchmark
  public String pebble() {
    return pebbleAt(index());
  }

  /** mustache.java 0.9.14, triple braces (no HTML escaping). */
  @Benchmark
  public String mustache() {
    return mustacheAt(index());
  }

  /** Handlebars.java 4.5.4, triple braces. */
  @Benchmark
  public String handlebars() {
    return handlebarsAt(index());
  }

  /** FreeMarker 2.3.35, default (no) output format. */
  @Benchmark
  public String freemarker() {
    return freemarkerAt(index());
  }

  /** The manual's NOTIFY-TPL-01 with opsbook. */
  @Benchmark
  public String tpl01Ours() {
    return tpl01.render(tpl01Values[index()]);
  }

  /** The manual's NOTIFY-TPL-01 by hand-written concatenation. */
  @Benchmark
  public String tpl01Concat() {
    return concatTpl01At(index());
  }
}
