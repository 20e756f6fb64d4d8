import { expect, type Locator, type Page } from "@playwright/test";
import { Portal } from "./portal";

/** What the publish forms have in common: fields by label, their error text, the submit button. */
export class PublishForm extends Portal {
  constructor(
    page: Page,
    readonly form: Locator,
  ) {
    super(page);
  }

  field(label: string | RegExp): Locator {
    return this.form.getByLabel(label, { exact: typeof label === "string" });
  }

  /** The error text a field points at with aria-describedby. */
  async expectFieldError(label: string | RegExp, text: string | RegExp) {
    const field = this.field(label);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(text);
  }

  /** A group's (fieldset's) error, e.g. the identifier triple or the target regions as a whole. */
  async expectGroupError(legend: string | RegExp, text: string | RegExp) {
    await expect(this.form.getByRole("group", { name: legend })).toHaveAccessibleDescription(text);
  }
}

export class CreateGalleryPage extends PublishForm {
  /** The subscriptions the form lists apart, each with why a gallery cannot be created there. */
  readonly unavailable: Locator;
  /** What a user who may create a gallery nowhere gets instead of the form. */
  readonly noGalleryCreation: Locator;

  constructor(page: Page) {
    super(page, page.getByRole("form", { name: "Create gallery" }));
    this.unavailable = page.getByRole("region", { name: "Subscriptions not available for a new gallery" });
    this.noGalleryCreation = page.getByTestId("no-gallery-creation");
  }

  async goto() {
    await this.page.goto("/galleries/new");
    await expect(this.heading()).toHaveText("Create gallery");
  }
}

export class CreateDefinitionPage extends PublishForm {
  constructor(page: Page) {
    super(page, page.getByRole("form", { name: "Create image definition" }));
  }
}

export class CreateVersionPage extends PublishForm {
  readonly compatibleSources: Locator;

  constructor(page: Page) {
    super(page, page.getByRole("form", { name: "Create image version" }));
    this.compatibleSources = this.form.getByRole("radiogroup", { name: "Compatible sources" });
  }

  /** `region` is ARM's name (westus3). */
  async addRegion(region: string) {
    await this.form.getByLabel("Region to add").selectOption(region);
    await this.form.getByRole("button", { name: "Add region" }).click();
  }
}

export class EditVersionPage extends PublishForm {
  constructor(page: Page, versionName: string) {
    super(page, page.getByRole("form", { name: `Edit image version ${versionName}` }));
  }
}
