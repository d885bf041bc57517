#!/bin/bash
# The console's launcher on Linux, put in place of jpackage's bin/cognito-admin-console by the build.
#
# jpackage's native launcher (JDK 17, and still in later ones) runs `rpm -qf` and `dpkg -S` on itself,
# twice, at every start, to learn whether a package installed it: 0.9 s on a Debian machine with 800
# packages, before Java even starts. This script starts the same Java runtime with what that launcher
# would have passed: the [JavaOptions] and class path of lib/app/<name>.cfg ($APPDIR expanded), the main
# class, -Djpackage.app-path and the arguments. Like that launcher it ignores JDK_JAVA_OPTIONS.
set -e
self=$(readlink -f "$0")
root=$(dirname "$(dirname "$self")")
app=$root/lib/app
options=()
classpath=
main=
while IFS= read -r line || [ -n "$line" ]; do
  line=${line//\$APPDIR/$app}
  line=${line//\$ROOTDIR/$root}
  line=${line//\$BINDIR/$root/bin}
  case $line in
    java-options=*) options+=("${line#java-options=}") ;;
    app.classpath=*) classpath=${classpath:+$classpath:}${line#app.classpath=} ;;
    app.mainclass=*) main=${line#app.mainclass=} ;;
  esac
done <"$app/$(basename "$self").cfg"
unset JDK_JAVA_OPTIONS
exec "$root/lib/runtime/bin/java" "${options[@]}" "-Djpackage.app-path=$self" -classpath "$classpath" "$main" "$@"
