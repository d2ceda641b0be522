package io.roster;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The boundaries between Roster's parts, each with the reason it exists.
 */
@AnalyzeClasses(packages = "io.roster", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/** The directory's rules hold for every channel, so it must not know any channel. */
	@ArchTest
	static final ArchRule directoryKnowsNoProtocol = noClasses().that()
		.resideInAPackage("io.roster.directory..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.roster.scim..", "io.roster.api..", "io.roster.activity..", "io.roster.sync..",
				"com.unboundid..", "org.springframework.web..");

	/**
	 * The first sync is a service for support's console; it uses tenancy and the
	 * directory but no channel.
	 */
	@ArchTest
	static final ArchRule syncKnowsNoChannel = noClasses().that()
		.resideInAPackage("io.roster.sync..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.roster.scim..", "io.roster.api..", "com.unboundid..", "org.springframework.web..");

	/** The activity log records what the channels report and depends on none of them. */
	@ArchTest
	static final ArchRule activityUsesOnlyTenant = noClasses().that()
		.resideInAPackage("io.roster.activity..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.roster.directory..", "io.roster.scim..", "io.roster.api..", "com.unboundid..",
				"org.springframework.web..");

	/** The product API and SCIM are separate channels onto the directory. */
	@ArchTest
	static final ArchRule apiAndScimAreIndependent = noClasses().that()
		.resideInAPackage("io.roster.api..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.roster.scim..", "com.unboundid..");

	/** Tenancy sits below everything else and uses none of it. */
	@ArchTest
	static final ArchRule tenantUsesNothingAbove = noClasses().that()
		.resideInAPackage("io.roster.tenant..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.roster.directory..", "io.roster.scim..", "io.roster.api..", "io.roster.activity..",
				"io.roster.sync..");

	/** Shared infrastructure must not depend on the features built on it. */
	@ArchTest
	static final ArchRule systemUsesNoFeature = noClasses().that()
		.resideInAPackage("io.roster.system..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.roster.directory..", "io.roster.scim..", "io.roster.tenant..", "io.roster.api..",
				"io.roster.activity..");

	/**
	 * Only storage classes touch JDBC, so every query stays where company scoping is
	 * checked.
	 */
	@ArchTest
	static final ArchRule onlyStoresUseJdbc = classes().that()
		.resideOutsideOfPackage("io.roster.system..")
		.and()
		.haveSimpleNameNotEndingWith("Store")
		.and()
		.doNotHaveSimpleName("SqlCriteria")
		.and()
		.doNotHaveSimpleName("Timestamps")
		.should()
		.onlyDependOnClassesThat()
		.resideOutsideOfPackages("org.springframework.jdbc..", "java.sql..");

}
