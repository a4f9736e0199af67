package io.schemagov.processor.jpa;

import java.util.List;
import javax.lang.model.element.TypeElement;

/** What an attribute needs to know about the entity it is read for. */
record EntityOwner(
    TypeElement element,
    String qualifiedName,
    String entityName,
    TableModel table,
    List<TableModel> secondaryTables,
    boolean migrationManaged) {}
