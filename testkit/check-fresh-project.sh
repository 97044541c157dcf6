#!/usr/bin/env bash
# Proves what docs/testing.md's "Testing Account Linker with TestFX" promises: a new Maven project whose only test
# dependencies are the testers' kit, JUnit and TestFX runs that page's example test green.
#   testkit/check-fresh-project.sh              install this project, then build and test the new project offline
#   KEEP=1 testkit/check-fresh-project.sh       keep the new project (its folder is printed)
#   MAVEN_REPO=dir MAVEN_OFFLINE=false ...      use another local repository (downloads what it lacks)
# The new project is written to a temporary folder: its pom names no system property and no surefire configuration,
# its test is the testing page's example block itself (with a package line).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
START=$(date +%s)

MVN_ARGS=(-B)
if [ "${MAVEN_OFFLINE:-true}" = true ]; then MVN_ARGS+=(-o); fi
if [ -n "${MAVEN_REPO:-}" ]; then MVN_ARGS+=("-Dmaven.repo.local=$MAVEN_REPO"); fi

# Versions from this project's pom: its own, and the JUnit and TestFX it is built with.
VERSION=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -1)
JUNIT=$(sed -n 's|.*<junit.version>\(.*\)</junit.version>.*|\1|p' pom.xml)
TESTFX=$(sed -n 's|.*<testfx.version>\(.*\)</testfx.version>.*|\1|p' pom.xml)
[ -n "$VERSION" ] && [ -n "$JUNIT" ] && [ -n "$TESTFX" ] || { echo "could not read the versions from pom.xml" >&2; exit 1; }

echo "== install Account Linker $VERSION and its testers' kit (mvn install -DskipTests)"
mvn "${MVN_ARGS[@]}" -q install -DskipTests

WORK=$(mktemp -d -t account-linker-tester-XXXXXX)
if [ "${KEEP:-}" != 1 ]; then trap 'rm -rf "$WORK"' EXIT; fi
mkdir -p "$WORK/src/test/java/example"
{
  echo "package example;"
  echo
  # The testing page's example block, without its code fence.
  awk '/<!-- testkit-example:begin -->/{on=1; next} /<!-- testkit-example:end -->/{on=0} on && !/^```/' docs/testing.md
} > "$WORK/src/test/java/example/ReadmeExampleUiTest.java"
grep -q '@AccountLinkerTest' "$WORK/src/test/java/example/ReadmeExampleUiTest.java" \
  || { echo "docs/testing.md has no example block between its testkit-example markers" >&2; exit 1; }

cat > "$WORK/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>account-linker-tester</artifactId>
  <version>1.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>dev.accountlinker</groupId>
      <artifactId>account-linker-testkit</artifactId>
      <version>$VERSION</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>$JUNIT</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.testfx</groupId>
      <artifactId>testfx-core</artifactId>
      <version>$TESTFX</version>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <!-- Versions only: Maven's built-in defaults predate Java 17 and JUnit 5. -->
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.2</version></plugin>
    </plugins>
  </build>
</project>
POM

echo "== a new project in $WORK: mvn -B test"
(cd "$WORK" && mvn "${MVN_ARGS[@]}" test)
echo "== the new project's test passed; $(( $(date +%s) - START )) s in all"
