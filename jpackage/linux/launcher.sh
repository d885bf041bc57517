#!/bin/bash
# The console's launcher on Linux, put in place of jpackage's bin/cognito-admin-console by the build.
#
# jpackage's native launcher (JDK 17, and still in later ones) runs `rpm -qf` and `dpkg -S` on itself,
# twice, at every start, to learn whether a package installed it: 0.9 s on a Debian machine with 800
# packages, before Java even starts. This script starts the same Java runtime with what that launcher
# would have passed: the [JavaOptions] and class path of lib/app/<name>.cfg ($APPDIR expanded), the main
# class, -Djpackage.app-path and the arguments. Like that launcher it ignores JDK_JAVA_OPTIONS.
set -e
# Its own full path, resolved by readlink only when it is a link or not plain (relative, or with . or ..
# in it): the menu entry and the package call it by its plain full path, and each subshell is a fork
# (readlink, dirname and basename took 25 ms of every start).
self=$0
case $self in
  /*/./*|/*/../*|[!/]*) self=$(readlink -f "$self") ;;
  *) if [ -L "$self" ]; then self=$(readlink -f "$self"); fi ;;
esac
root=${self%/*}
root=${root%/*}
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
done <"$app/${self##*/}.cfg"
unset JDK_JAVA_OPTIONS
exec "$root/lib/runtime/bin/java" "${options[@]}" "-Djpackage.app-path=$self" -classpath "$classpath" "$main" "$@"
