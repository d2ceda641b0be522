package io.roster.system;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Lets the PostgreSQL driver send a JDBC batch of inserts as multi-row statements
 * ({@code reWriteBatchedInserts}), so that the history rows of a change of many members
 * take a few round trips instead of one each. The property is set only for a PostgreSQL
 * URL: H2 rejects connection properties it does not know.
 */
@Component
class BatchedInserts implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null
				&& dataSource.getJdbcUrl().startsWith("jdbc:postgresql:")
				&& !dataSource.getDataSourceProperties().containsKey("reWriteBatchedInserts")) {
			dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
		}
		return bean;
	}

}
