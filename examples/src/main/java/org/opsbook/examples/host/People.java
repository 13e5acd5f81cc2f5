package org.opsbook.examples.host;

import java.util.List;
import java.util.Optional;
import org.opsbook.core.ActorKind;
import org.opsbook.core.Person;
import org.opsbook.core.RecipientClass;
import org.opsbook.core.Role;
import org.opsbook.core.memory.InMemoryDirectory;
import org.opsbook.core.spi.Directory;

/**
 * The example host's directory: obviously fictional people (张三, 李四 … are the Chinese "John Doe" names, and every
 * number is 1380000xxxx), each with the roles and SMS recipient classes the manual names. Immutable.
 */
public final class People {
  private static final String ROOM = "运营管理室";

  private final InMemoryDirectory directory;
  private final List<Person> everyone;

  private People(List<Person> people) {
    this.directory = InMemoryDirectory.of(people);
    this.everyone = List.copyOf(people);
  }

  /** Returns a directory of {@code people}. */
  public static People of(List<Person> people) {
    return new People(people);
  }

  /** Returns everyone in the directory, in its order. */
  public List<Person> everyone() {
    return everyone;
  }

  /** Returns the operations room and the SMS recipients of the demo. */
  public static People demo() {
    return new People(List.of(
        person("zhangsan", "张三", ROOM, "0101", List.of(Role.ESC_DUTY, Role.ESC_HANDLER_A), RecipientClass.C),
        person("lisi", "李四", ROOM, "0102", List.of(Role.FAULT_TEAM_LEADER), RecipientClass.C),
        person("wangwu", "王五", ROOM, "0103", List.of(Role.ROOM_SUPERVISOR), RecipientClass.C),
        person("zhaoliu", "赵六", ROOM, "0104", List.of(Role.ROOM_MANAGER), RecipientClass.C),
        person("qianqi", "钱七", "信息技术中心", "0105", List.of(Role.DEPT_MANAGER), RecipientClass.C),
        person("sunba", "孙八", "68284", "0106", List.of(Role.DUTY_68284), RecipientClass.C),
        person("zhoujiu", "周九", ROOM, "0107", List.of(Role.DATA_PROCESSOR_CITY, Role.DATA_REVIEWER,
            Role.TECH_APPROVER), RecipientClass.C),
        person("wushi", "吴十", ROOM, "0108", List.of(Role.DATA_REVIEWER), RecipientClass.C),
        person("zheng11", "郑十一", ROOM, "0109", List.of(Role.DATA_SUBMITTER, Role.REQUESTER), RecipientClass.C),
        person("chen13", "陈十三", "数据分析室", "0111", List.of(Role.DATA_SUBMITTER, Role.REQUESTER),
            RecipientClass.C),
        person("chu14", "褚十四", ROOM, "0112", List.of(Role.CUTOVER_OWNER), RecipientClass.C),
        person("wei15", "卫十五", ROOM, "0113", List.of(Role.APPROVING_SUPERVISOR), RecipientClass.C),
        person("feng12", "冯十二", "市场部业务管理室", "0110", List.of(Role.BUSINESS_APPROVER), RecipientClass.A),
        person("jiang16", "蒋十六", "分公司店面", "0114", List.of(), RecipientClass.A),
        person("shen17", "沈十七", "综合管理部", "0115", List.of(), RecipientClass.A),
        person("han18", "韩十八", "客服中心综援室", "0116", List.of(), RecipientClass.B),
        person("yang19", "杨十九", "客服中心", "0117", List.of(), RecipientClass.B),
        person("zhu20", "朱二十", "客服中心", "0118", List.of(), RecipientClass.D),
        person("qin21", "秦二一", "开发商", "0119", List.of(Role.DATA_PROCESSOR_DEV)),
        person("you22", "尤二二", ROOM, "0120", List.of(Role.PRE_PROCESSOR))));
  }

  private static Person person(String id, String name, String org, String phoneSuffix, List<Role> roles,
      RecipientClass... classes) {
    return Person.builder().id(id).name(name).org(org).phone("1380000" + phoneSuffix).addAllRoles(roles)
        .addRecipientClasses(classes).build();
  }

  /**
   * Returns the staff kind the directory gives {@code p}: the developer's staff (organisation 开发商) work on site,
   * everyone else is branch staff. The engine asks this, never the caller.
   */
  public static ActorKind kindOf(Person p) {
    return p.org().filter("开发商"::equals).isPresent() ? ActorKind.DEVELOPER_ONSITE : ActorKind.CITY_STAFF;
  }

  /** Returns the directory port over these people. */
  public Directory directory() {
    return directory;
  }

  /** Returns the person with this ID. */
  public Optional<Person> find(String id) {
    return directory.find(id);
  }

  /**
   * Returns the first person holding {@code role}.
   *
   * @throws IllegalArgumentException when nobody does
   */
  public Person holding(Role role) {
    List<Person> p = directory.withRole(role);
    if (p.isEmpty()) {
      throw new IllegalArgumentException("nobody in the directory holds " + role);
    }
    return p.get(0);
  }

  /** Returns who a duty's actor or target is, for people: {@code 赵六 (ROOM_MANAGER)}, or the code as it is. */
  public String label(String roleOrUnit) {
    for (Role r : Role.values()) {
      if (r.name().equals(roleOrUnit)) {
        List<Person> p = directory.withRole(r);
        return p.isEmpty() ? roleOrUnit : p.get(0).name() + " (" + roleOrUnit + ")";
      }
    }
    return roleOrUnit.matches("[A-D](,[A-D])*") ? "classes " + roleOrUnit : roleOrUnit;
  }

  /** Returns {@code 张三 (ESC_DUTY)} for a person acting in {@code role}. */
  public static String label(Person p, Role role) {
    return p.name() + " (" + role + ")";
  }
}
