package io.socialmall.core.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Lets SQL parameters be {@link Instant}s on every database. H2 binds an Instant as a timestamp with time
 * zone, but the PostgreSQL driver refuses it ("can't infer the SQL type"), so the data source hands the
 * driver an UTC {@link java.time.OffsetDateTime} instead, which both bind to {@code timestamp with time zone}.
 */
@Component
class InstantParameters implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof InstantBindingDataSource)) {
			return new InstantBindingDataSource(dataSource);
		}
		return bean;
	}

	static final class InstantBindingDataSource extends DelegatingDataSource {

		InstantBindingDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws java.sql.SQLException {
			return wrap(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws java.sql.SQLException {
			return wrap(super.getConnection(username, password));
		}

		private static Connection wrap(Connection connection) {
			return (Connection) Proxy.newProxyInstance(InstantParameters.class.getClassLoader(),
					new Class<?>[] { Connection.class }, new ConnectionHandler(connection));
		}
	}

	private record ConnectionHandler(Connection target) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if (method.getName().equals("unwrap") && args[0] instanceof Class<?> type && type.isInstance(target)) {
				return target;
			}
			Object result = call(method, target, args);
			if (result instanceof PreparedStatement statement && method.getName().startsWith("prepare")) {
				Class<?> type = method.getReturnType().isInterface() ? method.getReturnType() : PreparedStatement.class;
				return Proxy.newProxyInstance(InstantParameters.class.getClassLoader(), new Class<?>[] { type },
						new StatementHandler(statement));
			}
			return result;
		}
	}

	private record StatementHandler(PreparedStatement target) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if (method.getName().equals("setObject") && args != null && args.length >= 2 && args[1] instanceof Instant i) {
				args = args.clone();
				args[1] = i.atOffset(ZoneOffset.UTC);
			}
			if (method.getName().equals("unwrap") && args[0] instanceof Class<?> type && type.isInstance(target)) {
				return target;
			}
			return call(method, target, args);
		}
	}

	private static Object call(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException e) {
			throw e.getTargetException();
		}
	}
}
