package org.civic311.catalog;

/** The six Open311 attribute datatypes. */
public enum QuestionDatatype {
  STRING,
  NUMBER,
  DATETIME,
  TEXT,
  SINGLEVALUELIST,
  MULTIVALUELIST;

  public String open311() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public boolean hasValueList() {
    return this == SINGLEVALUELIST || this == MULTIVALUELIST;
  }

  public static QuestionDatatype fromOpen311(String value) {
    return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
