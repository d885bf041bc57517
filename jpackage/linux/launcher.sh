#!/bin/bash
# The console's launcher on Linux, put in place of jpackage's bin/cognito-admin-console by the build.
#
# jpackage's native launcher (JDK 17, and still in later ones) runs `rpm -qf` and `dpkg -S` on itself,
# twice, at every start, to learn whether a package installed it: 0.9 s on a Debian machine with 800
# packages, before Java even starts. This script starts the same Java runtime with what that launcher
# would have passed: the [JavaOptions] and class path of lib/app/<name>.cfg ($APPDIR expanded), the main
# class, -Djpackage.app-path and the arguments. Like that launcher it ignores JDK_JAVA_OPTIONS.
#
# The class-data archive of the app's classes (lib/app/app.jsa, named by the .cfg's -XX:SharedArchiveFile)
# is made where the app is installed, from the class list the build recorded (lib/app/<name>.classlist):
#
#   bin/cognito-admin-console --make-class-data-archive
#
# The .deb runs this when it installs; the build runs it for the app image in target/dist. JDK 17 maps such
# an archive only with the class path it was made with, and without it starts with no archive at all, not
# even the runtime's own of the JDK's classes. So the option is passed only when the archive is there and
# lib/app/app.jsa.for (written with it) names this very folder: a copied or moved app image, or one whose archive is not made
# yet, starts with the runtime's archive until the command above is run there. (JDK 17 leaves the class
# path's classes out of an archive made on a path with a space: keep the app in a folder without one.)
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
archive=$app/app.jsa
made_for=
if [ -f "$archive" ] && [ -f "$archive.for" ]; then read -r made_for <"$archive.for" || true; fi
options=()
classpath=
main=
while IFS= read -r line || [ -n "$line" ]; do
  line=${line//\$APPDIR/$app}
  line=${line//\$ROOTDIR/$root}
  line=${line//\$BINDIR/$root/bin}
  case $line in
    java-options=-XX:SharedArchiveFile=*) if [ "$made_for" = "$app" ]; then options+=("${line#java-options=}"); fi ;;
    java-options=*) options+=("${line#java-options=}") ;;
    app.classpath=*) classpath=${classpath:+$classpath:}${line#app.classpath=} ;;
    app.mainclass=*) main=${line#app.mainclass=} ;;
  esac
done <"$app/${self##*/}.cfg"
unset JDK_JAVA_OPTIONS
java=$root/lib/runtime/bin/java
if [ "${1-}" = --make-class-data-archive ]; then
  name=${self##*/}
  list=$app/$name.classlist
  if [ ! -f "$list" ]; then
    echo "$name: no class list at $list, so no class-data archive to make (the app starts without one)" >&2
    exit 2
  fi
  if [ ! -w "$app" ]; then
    echo "$name: cannot write to $app: run this as the user who installed the app (for the .deb, with sudo)" >&2
    exit 1
  fi
  rm -f "$archive" "$archive.for" "$archive.tmp"
  # Classes the list names that cannot be archived (dynamic proxies, JFR events) are skipped with a warning
  # each: only errors are shown. The archive is written under another name and moved, so a start never maps
  # half of one.
  if "$java" -Xshare:dump -Xlog:cds=error -XX:SharedClassListFile="$list" \
      -XX:SharedArchiveFile="$archive.tmp" -classpath "$classpath" >"$archive.log" 2>&1; then
    mv -f "$archive.tmp" "$archive"
    printf '%s\n' "$app" >"$archive.for"
    rm -f "$archive.log"
    echo "$name: made its class-data archive $archive (a faster start)"
    exit 0
  fi
  echo "$name: could not make the class-data archive (the app starts without it); the JVM said:" >&2
  tail -n 20 "$archive.log" >&2
  rm -f "$archive.tmp" "$archive.log"
  exit 1
fi
exec "$java" "${options[@]}" "-Djpackage.app-path=$self" -classpath "$classpath" "$main" "$@"
