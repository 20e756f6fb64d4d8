import { expect, type Locator, type Page } from "@playwright/test";
import { Portal } from "./portal";

export class GalleriesPage extends Portal {
  readonly table: Locator;
  readonly search: Locator;
  readonly subscriptionFilter: Locator;
  readonly regionFilter: Locator;

  constructor(page: Page) {
    super(page);
    this.table = page.getByRole("table", { name: "Galleries" });
    this.search = page.getByLabel("Search");
    this.subscriptionFilter = page.getByLabel("Subscription");
    this.regionFilter = page.getByLabel("Region");
  }

  async goto() {
    await this.page.goto("/");
    await expect(this.heading()).toHaveText("Galleries");
  }

  row(gallery: string): Locator {
    return this.table.getByRole("row").filter({ has: this.page.getByRole("link", { name: gallery, exact: true }) });
  }

  async open(gallery: string) {
    await this.table.getByRole("link", { name: gallery, exact: true }).click();
    await expect(this.heading()).toHaveText(gallery);
  }
}

export class GalleryPage extends Portal {
  readonly definitions: Locator;

  constructor(page: Page) {
    super(page);
    this.definitions = page.getByRole("table", { name: /^Image definitions in / });
  }

  row(definition: string): Locator {
    return this.definitions
      .getByRole("row")
      .filter({ has: this.page.getByRole("link", { name: definition, exact: true }) });
  }

  async open(definition: string) {
    await this.definitions.getByRole("link", { name: definition, exact: true }).click();
    await expect(this.heading()).toHaveText(definition);
  }
}

export class DefinitionPage extends Portal {
  readonly versions: Locator;

  constructor(page: Page) {
    super(page);
    this.versions = page.getByRole("table", { name: /^Versions of / });
  }

  row(version: string): Locator {
    return this.versions.getByRole("row").filter({ has: this.page.getByRole("link", { name: version, exact: true }) });
  }

  async open(version: string) {
    await this.versions.getByRole("link", { name: version, exact: true }).click();
    await expect(this.heading()).toHaveText(version);
  }
}

export class VersionPage extends Portal {
  readonly replication: Locator;

  constructor(page: Page) {
    super(page);
    this.replication = page.getByRole("table", { name: /per region$/ });
  }

  /** The progress bars of the regions still replicating. */
  replicatingBars(): Locator {
    return this.replication.locator("[role=progressbar][aria-valuetext^='Replicating']");
  }

  regionBar(version: string, regionDisplayName: string): Locator {
    return this.replication.getByRole("progressbar", { name: `Replication of ${version} to ${regionDisplayName}` });
  }
}
