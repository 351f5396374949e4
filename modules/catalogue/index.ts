export { canEditCatalogue } from "./policy.ts";
export { createArea, type AreaInput } from "./create-area.ts";
export { updateArea } from "./update-area.ts";
export { createScheme, type SchemeInput } from "./create-scheme.ts";
export { updateScheme } from "./update-scheme.ts";
export { publishDeclarationText } from "./publish-declaration-text.ts";
export { addRequirement } from "./add-requirement.ts";
export { updateRequirement } from "./update-requirement.ts";
export { retireRequirement } from "./retire-requirement.ts";
export { uploadTemplate } from "./upload-template.ts";
export type { RequirementFields, SchemeFields } from "./fields.ts";
export {
  getArea,
  getRequirement,
  getScheme,
  isOpenForApplication,
  listAreas,
  listDeclarationTexts,
  listExamParts,
  listExaminableSchemes,
  listRequirements,
  listSchemes,
  readRequirementTemplate,
  schemeTitle,
  type Area,
  type AreaRow,
  type ExamPart,
  type ExaminableScheme,
  type Requirement,
  type RequirementRow,
  type Scheme,
  type SchemeRow,
} from "./queries.ts";
