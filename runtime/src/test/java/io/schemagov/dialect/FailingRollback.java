package io.schemagov.dialect;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A connection whose rollback fails, as when the connection or its transaction breaks: both
 * {@link Connection#rollback()} and a {@code ROLLBACK} statement throw; everything else reaches the
 * real connection.
 */
final class FailingRollback {
  private FailingRollback() {}

  static Connection wrap(Connection real) {
    return proxy(Connection.class, real, (method, args) -> {
      if (method.getName().equals("rollback") && method.getParameterCount() == 0) {
        throw new SQLException("simulated: the rollback failed");
      }
      Object result = method.invoke(real, args);
      return method.getName().equals("createStatement") ? failingRollbackStatement((Statement) result) : result;
    });
  }

  private static Statement failingRollbackStatement(Statement real) {
    return proxy(Statement.class, real, (method, args) -> {
      if (method.getName().startsWith("execute") && args != null && args.length > 0
          && "ROLLBACK".equalsIgnoreCase(String.valueOf(args[0]).strip())) {
        throw new SQLException("simulated: the rollback failed");
      }
      return method.invoke(real, args);
    });
  }

  private interface Call {
    Object call(java.lang.reflect.Method method, Object[] args) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, T real, Call call) {
    InvocationHandler handler = (proxy, method, args) -> {
      try {
        return call.call(method, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return type.cast(Proxy.newProxyInstance(FailingRollback.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
