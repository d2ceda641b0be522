package io.roster.directory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles a {@link Criterion} into a parameterized SQL condition. Values are always bind
 * parameters; only column names from {@link Field} constants reach the SQL text.
 */
final class SqlCriteria {

	private final StringBuilder sql = new StringBuilder();

	private final List<Object> params = new ArrayList<>();

	private SqlCriteria() {
	}

	static SqlCriteria compile(Criterion criterion) {
		SqlCriteria compiled = new SqlCriteria();
		compiled.append(criterion);
		return compiled;
	}

	String sql() {
		return this.sql.toString();
	}

	List<Object> params() {
		return this.params;
	}

	private void append(Criterion criterion) {
		if (criterion instanceof Criterion.Compare compare) {
			appendCompare(compare);
		}
		else if (criterion instanceof Criterion.Present present) {
			appendPresent(present.field());
		}
		else if (criterion instanceof Criterion.And and) {
			appendJoined(and.operands(), " AND ");
		}
		else if (criterion instanceof Criterion.Or or) {
			appendJoined(or.operands(), " OR ");
		}
		else if (criterion instanceof Criterion.Not not) {
			this.sql.append("NOT COALESCE((");
			append(not.operand());
			// An unknown (NULL) comparison counts as false before it is negated.
			this.sql.append("), FALSE)");
		}
		else if (criterion instanceof Criterion.Any any) {
			// NOTE: H2 2.4 evaluates this EXISTS once per colleague of the company (seen
			// with EXPLAIN) instead of seeking ix_colleague_value_key, so an emails
			// filter reads the whole directory on H2.
			this.sql.append("EXISTS (SELECT 1 FROM ").append(any.collection().from()).append(" WHERE ");
			this.sql.append(any.collection().correlation()).append(" AND (");
			append(any.inner());
			this.sql.append("))");
		}
		else {
			this.sql.append("1 = 1");
		}
	}

	private void appendJoined(List<Criterion> operands, String operator) {
		this.sql.append('(');
		for (int i = 0; i < operands.size(); i++) {
			if (i > 0) {
				this.sql.append(operator);
			}
			append(operands.get(i));
		}
		this.sql.append(')');
	}

	private void appendPresent(Field field) {
		this.sql.append('(').append(field.column()).append(" IS NOT NULL");
		if (field.type() == Field.Type.STRING) {
			this.sql.append(" AND ").append(field.column()).append(" <> ''");
		}
		this.sql.append(')');
	}

	private void appendCompare(Criterion.Compare compare) {
		Field field = compare.field();
		Object value = bindable(compare.value());
		String column = field.column();
		if (compare.ignoreCase() && value instanceof String text) {
			column = (field.keyColumn() != null) ? field.keyColumn() : "LOWER(" + field.column() + ")";
			value = text.toLowerCase(Locale.ROOT);
		}
		switch (compare.operator()) {
			case EQ -> binary(column, "=", value);
			case NE -> {
				// SCIM's "ne" matches resources without the attribute too (RFC 7644
				// section 3.4.2.2).
				this.sql.append("(").append(column).append(" IS NULL OR ").append(column).append(" <> ?)");
				this.params.add(value);
			}
			case CONTAINS -> like(column, "%" + escapeLike((String) value) + "%");
			case STARTS_WITH -> like(column, escapeLike((String) value) + "%");
			case ENDS_WITH -> like(column, "%" + escapeLike((String) value));
			case GT -> binary(column, ">", value);
			case GE -> binary(column, ">=", value);
			case LT -> binary(column, "<", value);
			case LE -> binary(column, "<=", value);
		}
	}

	private void binary(String column, String operator, Object value) {
		this.sql.append(column).append(' ').append(operator).append(" ?");
		this.params.add(value);
	}

	private void like(String column, String pattern) {
		this.sql.append(column).append(" LIKE ? ESCAPE '\\'");
		this.params.add(pattern);
	}

	private static Object bindable(Object value) {
		if (value instanceof Instant instant) {
			return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
		}
		return value;
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
