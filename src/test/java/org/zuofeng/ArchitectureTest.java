package org.zuofeng;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.annotation.security.PermitAll;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.ws.rs.HttpMethod;
import org.junit.jupiter.api.Test;
import org.zuofeng.common.security.Requires;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The shape of the code: features meet only through each other's query APIs, in one direction, and no query string
 * of one feature names another feature's entities or tables (a rename then breaks only its own feature, at compile
 * time or in its own tests).
 */
class ArchitectureTest {

    private static final String ROOT = "org.zuofeng";

    /** The features, each depending only on those before it; {@code common} depends on none of them. */
    static final List<String> ORDER = List.of("unit", "official", "documents", "evidence", "inspection", "finding",
            "notice", "accountability", "assessment", "duty", "clue", "contacts", "warning", "sync", "events",
            "webhooks", "exports", "imports", "statistics", "demo");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:\\\\.|[^\"\\\\])*)\"",
            Pattern.DOTALL);

    @Test
    void everyPackageIsCommonOrAFeatureInTheOrder() {
        Set<String> packages = new TreeSet<>();
        MAIN.stream().map(ArchitectureTest::feature).filter(Objects::nonNull).forEach(packages::add);
        Set<String> known = new TreeSet<>(ORDER);
        known.add("common");
        assertEquals(known, packages, "a new feature package takes its place in ORDER");
    }

    @Test
    void nothingCallsAResourceClass() {
        List<String> wrong = new ArrayList<>();
        for (JavaClass origin : MAIN) {
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                if (resource(target) && !target.equals(origin) && !origin.getName().startsWith(target.getName() + "$")
                        && !resource(origin)) {
                    wrong.add(dependency.getDescription());
                }
            }
        }
        assertEquals(List.of(), wrong, "other code calls services and checks a Permission, never a resource");
    }

    @Test
    void everyOperationDeclaresItsPermissionOrIsPublic() {
        List<String> undeclared = new ArrayList<>();
        for (JavaClass type : MAIN) {
            if (!resource(type)) {
                continue;
            }
            Class<?> resource = type.reflect();
            for (Method method : resource.getDeclaredMethods()) {
                boolean operation = Stream.of(method.getAnnotations())
                        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
                boolean declared = method.isAnnotationPresent(Requires.class)
                        || method.isAnnotationPresent(PermitAll.class) || resource.isAnnotationPresent(Requires.class)
                        || resource.isAnnotationPresent(PermitAll.class);
                if (operation && !declared) {
                    undeclared.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertEquals(List.of(), undeclared);
    }

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void eachFeatureDependsOnlyOnCommonAndTheFeaturesBeforeIt() {
        List<String> wrong = new ArrayList<>();
        for (JavaClass origin : MAIN) {
            String from = feature(origin);
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                String to = feature(dependency.getTargetClass());
                if (to == null || to.equals(from) || to.equals("common")) {
                    continue;
                }
                if (from.equals("common") || ORDER.indexOf(to) > ORDER.indexOf(from)) {
                    wrong.add(dependency.getDescription());
                }
            }
        }
        assertEquals(List.of(), wrong, "dependencies against the order " + ORDER);
    }

    @Test
    void noFeatureTouchesAnotherFeaturesEntitiesOrRepositories() {
        List<String> wrong = new ArrayList<>();
        for (JavaClass origin : MAIN) {
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                String owner = feature(target);
                if (owner != null && !owner.equals(feature(origin)) && persistence(target)) {
                    wrong.add(dependency.getDescription());
                }
            }
        }
        assertEquals(List.of(), wrong, "reads of another feature's rows must go through its query API");
    }

    @Test
    void noQueryNamesAnotherFeaturesEntityOrTable() throws IOException {
        Map<String, Set<String>> owned = ownedNames();
        assertFalse(owned.get("unit").isEmpty(), "the entities were found");
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/zuofeng"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String feature = Path.of("src/main/java/org/zuofeng").relativize(file).getName(0).toString();
                for (String query : queryText(Files.readString(file))) {
                    owned.forEach((other, names) -> {
                        if (other.equals(feature)) {
                            return;
                        }
                        for (String name : names) {
                            if (Pattern.compile("(?i:\\b(from|join|update|into|table)\\s+)" + Pattern.quote(name)
                                    + "\\b").matcher(query).find()) {
                                wrong.add(file + " names " + other + "'s " + name + " in: " + query.strip());
                            }
                        }
                        if (query.contains(ROOT + "." + other + ".")) {
                            wrong.add(file + " names a class of " + other + " in: " + query.strip());
                        }
                    });
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The entity names and tables of each feature. */
    private static Map<String, Set<String>> ownedNames() {
        Map<String, Set<String>> owned = new TreeMap<>();
        ORDER.forEach(f -> owned.put(f, new TreeSet<>()));
        owned.put("common", new TreeSet<>());
        for (JavaClass type : MAIN) {
            if (!type.isAnnotatedWith(Entity.class) && !type.isAnnotatedWith(Embeddable.class)) {
                continue;
            }
            Set<String> names = owned.get(feature(type));
            Class<?> reflected = type.reflect();
            if (type.isAnnotatedWith(Entity.class)) {
                String entityName = reflected.getAnnotation(Entity.class).name();
                names.add(entityName.isEmpty() ? reflected.getSimpleName() : entityName);
            }
            Table table = reflected.getAnnotation(Table.class);
            if (table != null) {
                names.add(table.name());
            }
            for (Field field : reflected.getDeclaredFields()) {
                CollectionTable collection = field.getAnnotation(CollectionTable.class);
                if (collection != null) {
                    names.add(collection.name());
                }
            }
        }
        return owned;
    }

    /** The string literals of each statement, joined: what a query built from several literals reads as. */
    private static List<String> queryText(String source) {
        List<String> statements = new ArrayList<>();
        for (String statement : source.split(";")) {
            StringBuilder joined = new StringBuilder();
            Matcher literal = LITERAL.matcher(statement);
            while (literal.find()) {
                joined.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append(' ');
            }
            if (!joined.isEmpty()) {
                statements.add(joined.toString().replaceAll("\\s+", " "));
            }
        }
        return statements;
    }

    /** A JAX-RS resource class: it is reached over HTTP only. */
    private static boolean resource(JavaClass type) {
        return type.isAnnotatedWith(jakarta.ws.rs.Path.class);
    }

    private static boolean persistence(JavaClass type) {
        return type.isAnnotatedWith(Entity.class) || type.isAnnotatedWith(Embeddable.class)
                || type.isAssignableTo(PanacheRepositoryBase.class);
    }

    /** The top-level package under {@code org.zuofeng} (a feature or {@code common}); null outside it. */
    private static String feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = name.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
