package io.schemagov.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connections record every round trip that reads or writes: each execute* call
 * of a statement (with its SQL), each DatabaseMetaData call that returns a result set (a catalog
 * query the driver writes itself) and each getSchema call.
 */
final class CountingDataSource implements DataSource {
  private final String url;
  private final List<String> queries = new ArrayList<>();

  CountingDataSource(String url) {
    this.url = url;
  }

  List<String> queries() {
    return queries;
  }

  @Override
  public Connection getConnection() throws java.sql.SQLException {
    Connection real = DriverManager.getConnection(url);
    return (Connection) proxy(Connection.class, real, (method, args, result) -> {
      if (method.getName().equals("getSchema")) {
        queries.add("connection getSchema"); // pgJDBC asks the server each time
      }
      if (result instanceof DatabaseMetaData metaData) {
        return proxy(DatabaseMetaData.class, metaData, (m, a, r) -> {
          if (r instanceof ResultSet) {
            queries.add("metadata " + m.getName());
          }
          return r;
        });
      }
      if (result instanceof Statement statement) {
        String prepared = args != null && args.length > 0 && args[0] instanceof String sql ? sql : null;
        Class<?> type = statement instanceof java.sql.PreparedStatement
            ? java.sql.PreparedStatement.class : Statement.class;
        return proxy(type, statement, (m, a, r) -> {
          if (m.getName().startsWith("execute")) {
            queries.add(prepared != null ? prepared : String.valueOf(a == null ? "" : a[0]));
          }
          return r;
        });
      }
      return result;
    });
  }

  private interface After {
    Object apply(Method method, Object[] args, Object result) throws Exception;
  }

  private static Object proxy(Class<?> type, Object target, After after) {
    InvocationHandler handler = (self, method, args) -> {
      try {
        return after.apply(method, args, method.invoke(target, args));
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  @Override
  public Connection getConnection(String user, String password) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getGlobal();
  }

  @Override
  public <T> T unwrap(Class<T> iface) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
