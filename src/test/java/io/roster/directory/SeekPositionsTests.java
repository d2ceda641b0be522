package io.roster.directory;

import java.util.Collections;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remembered positions of index-paged searches, which turn the next sequential page into
 * a seek.
 */
class SeekPositionsTests {

	private final SeekPositions positions = new SeekPositions();

	private final UUID company = UUID.randomUUID();

	private final SqlCriteria all = SqlCriteria.compile(new Criterion.All());

	@Test
	void nextPageAfterServedPageSeeksPastLastId() {
		UUID last = UUID.randomUUID();
		this.positions.remember(this.company, "colleague", this.all, PageRequest.offset(0, 100), page(100, last));

		PageRequest next = this.positions.resolve(this.company, "colleague", this.all, PageRequest.offset(100, 100));

		assertThat(next.after()).isEqualTo(last);
		assertThat(next.offset()).isZero();
		assertThat(next.limit()).isEqualTo(100);
	}

	@Test
	void pageAfterUnknownPositionKeepsOffset() {
		this.positions.remember(this.company, "colleague", this.all, PageRequest.offset(0, 100),
				page(100, UUID.randomUUID()));
		PageRequest skipping = PageRequest.offset(300, 100);

		assertThat(this.positions.resolve(this.company, "colleague", this.all, skipping)).isSameAs(skipping);
	}

	@Test
	void positionIsKeptPerCompanyTableAndFilter() {
		this.positions.remember(this.company, "colleague", this.all, PageRequest.offset(0, 10),
				page(10, UUID.randomUUID()));
		SqlCriteria filtered = SqlCriteria
			.compile(new Criterion.Compare(Field.USER_NAME, Criterion.Operator.STARTS_WITH, "a", true));
		PageRequest next = PageRequest.offset(10, 10);

		assertThat(this.positions.resolve(UUID.randomUUID(), "colleague", this.all, next)).isSameAs(next);
		assertThat(this.positions.resolve(this.company, "team", this.all, next)).isSameAs(next);
		assertThat(this.positions.resolve(this.company, "colleague", filtered, next)).isSameAs(next);
	}

	@Test
	void sortedPageIsNotRemembered() {
		PageRequest.Sort sort = new PageRequest.Sort(Field.USER_NAME, false, true);
		this.positions.remember(this.company, "colleague", this.all, new PageRequest(0, 10, sort, null),
				page(10, UUID.randomUUID()));
		PageRequest next = new PageRequest(10, 10, sort, null);

		assertThat(this.positions.resolve(this.company, "colleague", this.all, next)).isSameAs(next);
	}

	@Test
	void wholeResultOnFirstPageIsNotRemembered() {
		this.positions.remember(this.company, "colleague", this.all, PageRequest.offset(0, 100),
				new Page<>(Collections.nCopies(1, new Object()), 1, UUID.randomUUID(), false));
		PageRequest next = PageRequest.offset(1, 100);

		assertThat(this.positions.resolve(this.company, "colleague", this.all, next)).isSameAs(next);
	}

	@Test
	void lastPageOfWalkIsRemembered() {
		UUID last = UUID.randomUUID();
		this.positions.remember(this.company, "colleague", this.all, PageRequest.offset(900, 100),
				new Page<>(Collections.nCopies(100, new Object()), 1000, last, false));

		PageRequest next = this.positions.resolve(this.company, "colleague", this.all, PageRequest.offset(1000, 100));

		assertThat(next.after()).isEqualTo(last);
	}

	private static Page<Object> page(int size, UUID lastId) {
		return new Page<>(Collections.nCopies(size, new Object()), 1000, lastId, true);
	}

}
