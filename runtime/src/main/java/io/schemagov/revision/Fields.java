package io.schemagov.revision;

import com.fasterxml.jackson.databind.JsonNode;
import io.schemagov.schema.TableName;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The fields of one mapping in a revision file, read with messages that name the mapping, the field
 * and what to write: unknown fields are refused (a misspelt {@code acknowledge_data_los} must not be
 * ignored), required ones demanded.
 */
final class Fields {
  private final String what;
  private final JsonNode node;

  Fields(String what, JsonNode node, List<String> allowed) {
    this.what = what;
    if (node == null || !node.isObject()) {
      throw new FormException(what + " must be a mapping with fields " + allowed);
    }
    this.node = node;
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new FormException("unknown field '" + name + "' in " + what + "; expected " + allowed
            + (name.endsWith(")") ? " (inside {...} a comma separates fields: quote a type such as"
                + " type: \"decimal(10,2)\")" : ""));
      }
    }
  }

  String text(String field) {
    String value = optionalText(field);
    if (value == null) {
      throw new FormException(what + " is missing '" + field + "'");
    }
    return value;
  }

  String optionalText(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new FormException("'" + field + "' of " + what + " must be a single value, not a "
          + (value.isArray() ? "list" : "mapping"));
    }
    return value.asText();
  }

  TableName table(String field) {
    return TableName.parse(text(field));
  }

  boolean flag(String field, boolean absent) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return absent;
    }
    if (!value.isBoolean()) {
      throw new FormException("'" + field + "' of " + what + " must be true or false, not '" + value.asText() + "'");
    }
    return value.booleanValue();
  }

  long number(String field, long absent) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return absent;
    }
    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new FormException("'" + field + "' of " + what + " must be a whole number, not '" + value.asText() + "'");
    }
    return value.longValue();
  }

  /** A list of names, e.g. {@code columns: [case_id, seq]}. */
  List<String> names(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new FormException(what + " is missing '" + field + "'; write e.g. " + field + ": [id]");
    }
    if (!value.isArray()) {
      throw new FormException("'" + field + "' of " + what + " must be a list, e.g. " + field + ": ["
          + value.asText() + "]");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isValueNode() || item.isNull()) {
        throw new FormException("'" + field + "' of " + what + " must list names");
      }
      names.add(item.asText());
    }
    return names;
  }

  boolean has(String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  JsonNode node(String field) {
    return node.get(field);
  }

  /** A list of mappings, e.g. a table's columns; empty when absent. */
  List<JsonNode> list(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new FormException("'" + field + "' of " + what + " must be a list");
    }
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }
}
