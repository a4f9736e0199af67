package io.schemagov.processor.generate;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;

/**
 * Whether the module's sources name a class schemagov generates ({@code SchemagovModel}): as an
 * identifier or a qualified name, anywhere in their trees. Such a class must be generated as a
 * source ({@link ClassOutput}), since the sources compile against it in this very compilation.
 * Answers yes when the compiler offers no trees (not javac), so such a class is never missing.
 */
public final class SourceMentions {
  private SourceMentions() {}

  public static boolean mention(ProcessingEnvironment env, Set<? extends Element> roots, String simpleName) {
    Trees trees;
    try {
      trees = Trees.instance(env);
    } catch (IllegalArgumentException notJavac) {
      return true;
    }
    Set<CompilationUnitTree> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    // Names of one implementation compare with equals, without decoding each identifier to a String.
    Names names = new Names(env.getElementUtils().getName(simpleName));
    for (Element root : roots) {
      TreePath path = root instanceof TypeElement ? trees.getPath(root) : null;
      if (path != null && seen.add(path.getCompilationUnit())
          && Boolean.TRUE.equals(names.scan(path.getCompilationUnit(), null))) {
        return true;
      }
    }
    return false;
  }

  /** True when a tree names {@code simpleName}. */
  private static final class Names extends TreeScanner<Boolean, Void> {
    private final Name simpleName;

    Names(Name simpleName) {
      this.simpleName = simpleName;
    }

    @Override
    public Boolean visitIdentifier(IdentifierTree node, Void unused) {
      return simpleName.equals(node.getName());
    }

    @Override
    public Boolean visitMemberSelect(MemberSelectTree node, Void unused) {
      return simpleName.equals(node.getIdentifier()) || Boolean.TRUE.equals(super.visitMemberSelect(node, unused));
    }

    @Override
    public Boolean reduce(Boolean a, Boolean b) {
      return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
    }
  }
}
