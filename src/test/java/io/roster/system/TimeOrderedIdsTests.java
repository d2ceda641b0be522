package io.roster.system;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTests {

	@Test
	void idIsVersion7() {
		UUID id = TimeOrderedIds.next();

		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
	}

	@Test
	void idStartsWithItsMillisecond() {
		long millis = 1_764_892_800_123L;

		UUID id = TimeOrderedIds.next(millis);

		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
		assertThat(id.toString()).startsWith("019aebce-f47b-7");
	}

	@Test
	void laterMillisecondSortsAfter() {
		UUID earlier = TimeOrderedIds.next(1_764_892_800_123L);
		UUID later = TimeOrderedIds.next(1_764_892_800_124L);

		assertThat(later.toString()).isGreaterThan(earlier.toString());
	}

	@Test
	void idsOfOneMillisecondDiffer() {
		Set<UUID> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			ids.add(TimeOrderedIds.next(1_764_892_800_123L));
		}

		assertThat(ids).hasSize(10_000);
	}

}
