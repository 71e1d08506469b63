import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  MANIFEST_ACCEPT,
  MEDIA_TYPES,
  detectMediaType,
  indexManifests,
  isIndexMediaType,
  manifestBlobs,
  manifestConfigDigest,
  readEcrInputs,
  sha256Digest
} from "./chunk-P24YWDYR.js";
import {
  parseCachePreset,
  parseCacheSpec,
  resolveCache,
  restoreLocalCache,
  versionAtLeast
} from "./chunk-Q7USVIHK.js";
import {
  closestMatch,
  compareText,
  parseEnvironment,
  parseListInput,
  parseMetadataInputs
} from "./chunk-IWQOLGT7.js";
import {
  parseBoolean
} from "./chunk-RVOSA46I.js";
import {
  silentLogger
} from "./chunk-DSVLZ5QC.js";
import {
  DOCKER_HUB,
  InvalidReferenceError,
  formatReference,
  isDigest,
  isValidTag,
  manifestReference,
  nameAsWritten,
  parseReference,
  registryApiHost,
  registryBaseUrl,
  repositoryName
} from "./chunk-H5I7P22Y.js";
import {
  InputError
} from "./chunk-IZW44F23.js";
import {
  require_semver
} from "./chunk-TAYKLYQA.js";
import {
  processRunner
} from "./chunk-L27B2LXP.js";
import {
  __commonJS,
  __esm,
  __export,
  __toCommonJS,
  __toESM
} from "./chunk-EHNN3ETZ.js";

// node_modules/dockerfile-ast/lib/argument.js
var require_argument = __commonJS({
  "node_modules/dockerfile-ast/lib/argument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Argument = void 0;
    var Argument = class {
      constructor(value, range2) {
        this.value = value, this.range = range2;
      }
      toString() {
        return this.value;
      }
      getRange() {
        return this.range;
      }
      getValue() {
        return this.value;
      }
      isAfter(position) {
        return this.range.end.line < position.line ? !1 : this.range.start.line > position.line ? !0 : this.range.start.character > position.character;
      }
      isBefore(position) {
        return this.range.start.line < position.line ? !0 : this.range.end.line > position.line ? !1 : this.range.end.character < position.character;
      }
    };
    exports.Argument = Argument;
  }
});

// node_modules/dockerfile-ast/lib/jsonArgument.js
var require_jsonArgument = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonArgument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.JSONArgument = void 0;
    var argument_1 = require_argument(), JSONArgument = class extends argument_1.Argument {
      constructor(value, range2, jsonRange) {
        super(value, range2), this.jsonRange = jsonRange;
      }
      getJSONRange() {
        return this.jsonRange;
      }
      getJSONValue() {
        let value = super.getValue();
        return value = value.substring(1, value.length - 1), value;
      }
    };
    exports.JSONArgument = JSONArgument;
  }
});

// node_modules/vscode-languageserver-types/lib/esm/main.js
var main_exports = {};
__export(main_exports, {
  AnnotatedTextEdit: () => AnnotatedTextEdit,
  ApplyKind: () => ApplyKind,
  ChangeAnnotation: () => ChangeAnnotation,
  ChangeAnnotationIdentifier: () => ChangeAnnotationIdentifier,
  CodeAction: () => CodeAction,
  CodeActionContext: () => CodeActionContext,
  CodeActionKind: () => CodeActionKind,
  CodeActionTag: () => CodeActionTag,
  CodeActionTriggerKind: () => CodeActionTriggerKind,
  CodeDescription: () => CodeDescription,
  CodeLens: () => CodeLens,
  Color: () => Color,
  ColorInformation: () => ColorInformation,
  ColorPresentation: () => ColorPresentation,
  Command: () => Command,
  CompletionItem: () => CompletionItem,
  CompletionItemKind: () => CompletionItemKind,
  CompletionItemLabelDetails: () => CompletionItemLabelDetails,
  CompletionItemTag: () => CompletionItemTag,
  CompletionList: () => CompletionList,
  CreateFile: () => CreateFile,
  DeleteFile: () => DeleteFile,
  Diagnostic: () => Diagnostic,
  DiagnosticRelatedInformation: () => DiagnosticRelatedInformation,
  DiagnosticSeverity: () => DiagnosticSeverity,
  DiagnosticTag: () => DiagnosticTag,
  DocumentHighlight: () => DocumentHighlight,
  DocumentHighlightKind: () => DocumentHighlightKind,
  DocumentLink: () => DocumentLink,
  DocumentSymbol: () => DocumentSymbol,
  DocumentUri: () => DocumentUri,
  EOL: () => EOL,
  FoldingRange: () => FoldingRange,
  FoldingRangeKind: () => FoldingRangeKind,
  FormattingOptions: () => FormattingOptions,
  Hover: () => Hover,
  InlayHint: () => InlayHint,
  InlayHintKind: () => InlayHintKind,
  InlayHintLabelPart: () => InlayHintLabelPart,
  InlineCompletionContext: () => InlineCompletionContext,
  InlineCompletionItem: () => InlineCompletionItem,
  InlineCompletionList: () => InlineCompletionList,
  InlineCompletionTriggerKind: () => InlineCompletionTriggerKind,
  InlineValueContext: () => InlineValueContext,
  InlineValueEvaluatableExpression: () => InlineValueEvaluatableExpression,
  InlineValueText: () => InlineValueText,
  InlineValueVariableLookup: () => InlineValueVariableLookup,
  InsertReplaceEdit: () => InsertReplaceEdit,
  InsertTextFormat: () => InsertTextFormat,
  InsertTextMode: () => InsertTextMode,
  LanguageKind: () => LanguageKind,
  Location: () => Location,
  LocationLink: () => LocationLink,
  MarkedString: () => MarkedString,
  MarkupContent: () => MarkupContent,
  MarkupKind: () => MarkupKind,
  OptionalVersionedTextDocumentIdentifier: () => OptionalVersionedTextDocumentIdentifier,
  ParameterInformation: () => ParameterInformation,
  Position: () => Position,
  Range: () => Range,
  RenameFile: () => RenameFile,
  SelectedCompletionInfo: () => SelectedCompletionInfo,
  SelectionRange: () => SelectionRange,
  SemanticTokenModifiers: () => SemanticTokenModifiers,
  SemanticTokenTypes: () => SemanticTokenTypes,
  SemanticTokens: () => SemanticTokens,
  SignatureInformation: () => SignatureInformation,
  SnippetTextEdit: () => SnippetTextEdit,
  StringValue: () => StringValue,
  SymbolInformation: () => SymbolInformation,
  SymbolKind: () => SymbolKind,
  SymbolTag: () => SymbolTag,
  TextDocument: () => TextDocument,
  TextDocumentEdit: () => TextDocumentEdit,
  TextDocumentIdentifier: () => TextDocumentIdentifier,
  TextDocumentItem: () => TextDocumentItem,
  TextEdit: () => TextEdit,
  URI: () => URI,
  VersionedTextDocumentIdentifier: () => VersionedTextDocumentIdentifier,
  WorkspaceChange: () => WorkspaceChange,
  WorkspaceEdit: () => WorkspaceEdit,
  WorkspaceFolder: () => WorkspaceFolder,
  WorkspaceSymbol: () => WorkspaceSymbol,
  integer: () => integer,
  uinteger: () => uinteger
});
var DocumentUri, URI, integer, uinteger, Position, Range, Location, LocationLink, Color, ColorInformation, ColorPresentation, FoldingRangeKind, FoldingRange, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, CodeDescription, Diagnostic, Command, TextEdit, ChangeAnnotation, ChangeAnnotationIdentifier, AnnotatedTextEdit, TextDocumentEdit, CreateFile, RenameFile, DeleteFile, WorkspaceEdit, TextEditChangeImpl, SnippetTextEdit, ChangeAnnotations, WorkspaceChange, TextDocumentIdentifier, VersionedTextDocumentIdentifier, OptionalVersionedTextDocumentIdentifier, LanguageKind, TextDocumentItem, MarkupKind, MarkupContent, CompletionItemKind, InsertTextFormat, CompletionItemTag, InsertReplaceEdit, InsertTextMode, ApplyKind, CompletionItemLabelDetails, CompletionItem, CompletionList, MarkedString, Hover, ParameterInformation, SignatureInformation, DocumentHighlightKind, DocumentHighlight, SymbolKind, SymbolTag, SymbolInformation, WorkspaceSymbol, DocumentSymbol, CodeActionKind, CodeActionTriggerKind, CodeActionContext, CodeActionTag, CodeAction, CodeLens, FormattingOptions, DocumentLink, SelectionRange, SemanticTokenTypes, SemanticTokenModifiers, SemanticTokens, InlineValueText, InlineValueVariableLookup, InlineValueEvaluatableExpression, InlineValueContext, InlayHintKind, InlayHintLabelPart, InlayHint, StringValue, InlineCompletionItem, InlineCompletionList, InlineCompletionTriggerKind, SelectedCompletionInfo, InlineCompletionContext, WorkspaceFolder, EOL, TextDocument, FullTextDocument, Is, init_main = __esm({
  "node_modules/vscode-languageserver-types/lib/esm/main.js"() {
    "use strict";
    (function(DocumentUri2) {
      function is(value) {
        return typeof value == "string";
      }
      DocumentUri2.is = is;
    })(DocumentUri || (DocumentUri = {}));
    (function(URI2) {
      function is(value) {
        return typeof value == "string";
      }
      URI2.is = is;
    })(URI || (URI = {}));
    (function(integer2) {
      integer2.MIN_VALUE = -2147483648, integer2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value == "number" && integer2.MIN_VALUE <= value && value <= integer2.MAX_VALUE;
      }
      integer2.is = is;
    })(integer || (integer = {}));
    (function(uinteger2) {
      uinteger2.MIN_VALUE = 0, uinteger2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value == "number" && uinteger2.MIN_VALUE <= value && value <= uinteger2.MAX_VALUE;
      }
      uinteger2.is = is;
    })(uinteger || (uinteger = {}));
    (function(Position2) {
      function create(line, character) {
        return line === Number.MAX_VALUE && (line = uinteger.MAX_VALUE), character === Number.MAX_VALUE && (character = uinteger.MAX_VALUE), { line, character };
      }
      Position2.create = create;
      function is(value) {
        let candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
      }
      Position2.is = is;
    })(Position || (Position = {}));
    (function(Range2) {
      function create(one, two, three, four) {
        if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four))
          return { start: Position.create(one, two), end: Position.create(three, four) };
        if (Position.is(one) && Position.is(two))
          return { start: one, end: two };
        throw new Error(`Range#create called with invalid arguments[${one}, ${two}, ${three}, ${four}]`);
      }
      Range2.create = create;
      function is(value) {
        let candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
      }
      Range2.is = is;
    })(Range || (Range = {}));
    (function(Location2) {
      function create(uri, range2) {
        return { uri, range: range2 };
      }
      Location2.create = create;
      function is(value) {
        let candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
      }
      Location2.is = is;
    })(Location || (Location = {}));
    (function(LocationLink2) {
      function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
        return { targetUri, targetRange, targetSelectionRange, originSelectionRange };
      }
      LocationLink2.create = create;
      function is(value) {
        let candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri) && Range.is(candidate.targetSelectionRange) && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
      }
      LocationLink2.is = is;
    })(LocationLink || (LocationLink = {}));
    (function(Color2) {
      function create(red, green, blue, alpha) {
        return {
          red,
          green,
          blue,
          alpha
        };
      }
      Color2.create = create;
      function is(value) {
        let candidate = value;
        return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1) && Is.numberRange(candidate.green, 0, 1) && Is.numberRange(candidate.blue, 0, 1) && Is.numberRange(candidate.alpha, 0, 1);
      }
      Color2.is = is;
    })(Color || (Color = {}));
    (function(ColorInformation2) {
      function create(range2, color) {
        return {
          range: range2,
          color
        };
      }
      ColorInformation2.create = create;
      function is(value) {
        let candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
      }
      ColorInformation2.is = is;
    })(ColorInformation || (ColorInformation = {}));
    (function(ColorPresentation2) {
      function create(label, textEdit, additionalTextEdits) {
        return {
          label,
          textEdit,
          additionalTextEdits
        };
      }
      ColorPresentation2.create = create;
      function is(value) {
        let candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit)) && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
      }
      ColorPresentation2.is = is;
    })(ColorPresentation || (ColorPresentation = {}));
    (function(FoldingRangeKind2) {
      FoldingRangeKind2.Comment = "comment", FoldingRangeKind2.Imports = "imports", FoldingRangeKind2.Region = "region";
    })(FoldingRangeKind || (FoldingRangeKind = {}));
    (function(FoldingRange2) {
      function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
        let result = {
          startLine,
          endLine
        };
        return Is.defined(startCharacter) && (result.startCharacter = startCharacter), Is.defined(endCharacter) && (result.endCharacter = endCharacter), Is.defined(kind) && (result.kind = kind), Is.defined(collapsedText) && (result.collapsedText = collapsedText), result;
      }
      FoldingRange2.create = create;
      function is(value) {
        let candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine) && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter)) && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter)) && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
      }
      FoldingRange2.is = is;
    })(FoldingRange || (FoldingRange = {}));
    (function(DiagnosticRelatedInformation2) {
      function create(location, message) {
        return {
          location,
          message
        };
      }
      DiagnosticRelatedInformation2.create = create;
      function is(value) {
        let candidate = value;
        return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
      }
      DiagnosticRelatedInformation2.is = is;
    })(DiagnosticRelatedInformation || (DiagnosticRelatedInformation = {}));
    (function(DiagnosticSeverity2) {
      DiagnosticSeverity2.Error = 1, DiagnosticSeverity2.Warning = 2, DiagnosticSeverity2.Information = 3, DiagnosticSeverity2.Hint = 4;
    })(DiagnosticSeverity || (DiagnosticSeverity = {}));
    (function(DiagnosticTag2) {
      DiagnosticTag2.Unnecessary = 1, DiagnosticTag2.Deprecated = 2;
    })(DiagnosticTag || (DiagnosticTag = {}));
    (function(CodeDescription2) {
      function is(value) {
        let candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.href);
      }
      CodeDescription2.is = is;
    })(CodeDescription || (CodeDescription = {}));
    (function(Diagnostic2) {
      function create(range2, message, severity, code, source, relatedInformation) {
        let result = { range: range2, message };
        return Is.defined(severity) && (result.severity = severity), Is.defined(code) && (result.code = code), Is.defined(source) && (result.source = source), Is.defined(relatedInformation) && (result.relatedInformation = relatedInformation), result;
      }
      Diagnostic2.create = create;
      function is(value) {
        var _a;
        let candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.string(candidate.message) || MarkupContent.is(candidate.message)) && (Is.number(candidate.severity) || Is.undefined(candidate.severity)) && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code)) && (Is.undefined(candidate.codeDescription) || Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)) && (Is.string(candidate.source) || Is.undefined(candidate.source)) && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
      }
      Diagnostic2.is = is;
      function is3_17(value) {
        return Is.string(value.message);
      }
      Diagnostic2.is3_17 = is3_17;
      function getMessageString(diagnostic) {
        if (Is.string(diagnostic.message))
          return diagnostic.message;
        if (MarkupContent.is(diagnostic.message))
          return diagnostic.message.value;
        throw new Error(`Unknown message type ${typeof diagnostic.message}`);
      }
      Diagnostic2.getMessageString = getMessageString;
    })(Diagnostic || (Diagnostic = {}));
    (function(Command2) {
      function create(title, command, ...args) {
        let result = { title, command };
        return Is.defined(args) && args.length > 0 && (result.arguments = args), result;
      }
      Command2.create = create;
      function is(value) {
        let candidate = value;
        return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip)) && Is.string(candidate.command);
      }
      Command2.is = is;
    })(Command || (Command = {}));
    (function(TextEdit2) {
      function replace(range2, newText) {
        return { range: range2, newText };
      }
      TextEdit2.replace = replace;
      function insert(position, newText) {
        return { range: { start: position, end: position }, newText };
      }
      TextEdit2.insert = insert;
      function del(range2) {
        return { range: range2, newText: "" };
      }
      TextEdit2.del = del;
      function is(value) {
        let candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.newText) && Range.is(candidate.range);
      }
      TextEdit2.is = is;
    })(TextEdit || (TextEdit = {}));
    (function(ChangeAnnotation2) {
      function create(label, needsConfirmation, description) {
        let result = { label };
        return needsConfirmation !== void 0 && (result.needsConfirmation = needsConfirmation), description !== void 0 && (result.description = description), result;
      }
      ChangeAnnotation2.create = create;
      function is(value) {
        let candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      ChangeAnnotation2.is = is;
    })(ChangeAnnotation || (ChangeAnnotation = {}));
    (function(ChangeAnnotationIdentifier2) {
      function is(value) {
        let candidate = value;
        return Is.string(candidate);
      }
      ChangeAnnotationIdentifier2.is = is;
    })(ChangeAnnotationIdentifier || (ChangeAnnotationIdentifier = {}));
    (function(AnnotatedTextEdit2) {
      function replace(range2, newText, annotation) {
        return { range: range2, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.replace = replace;
      function insert(position, newText, annotation) {
        return { range: { start: position, end: position }, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.insert = insert;
      function del(range2, annotation) {
        return { range: range2, newText: "", annotationId: annotation };
      }
      AnnotatedTextEdit2.del = del;
      function is(value) {
        let candidate = value;
        return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      AnnotatedTextEdit2.is = is;
    })(AnnotatedTextEdit || (AnnotatedTextEdit = {}));
    (function(TextDocumentEdit2) {
      function create(textDocument, edits) {
        return { textDocument, edits };
      }
      TextDocumentEdit2.create = create;
      function is(value) {
        let candidate = value;
        return Is.defined(candidate) && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument) && Array.isArray(candidate.edits);
      }
      TextDocumentEdit2.is = is;
    })(TextDocumentEdit || (TextDocumentEdit = {}));
    (function(CreateFile2) {
      function create(uri, options, annotation) {
        let result = {
          kind: "create",
          uri
        };
        return options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0) && (result.options = options), annotation !== void 0 && (result.annotationId = annotation), result;
      }
      CreateFile2.create = create;
      function is(value) {
        let candidate = value;
        return candidate && candidate.kind === "create" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      CreateFile2.is = is;
    })(CreateFile || (CreateFile = {}));
    (function(RenameFile2) {
      function create(oldUri, newUri, options, annotation) {
        let result = {
          kind: "rename",
          oldUri,
          newUri
        };
        return options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0) && (result.options = options), annotation !== void 0 && (result.annotationId = annotation), result;
      }
      RenameFile2.create = create;
      function is(value) {
        let candidate = value;
        return candidate && candidate.kind === "rename" && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      RenameFile2.is = is;
    })(RenameFile || (RenameFile = {}));
    (function(DeleteFile2) {
      function create(uri, options, annotation) {
        let result = {
          kind: "delete",
          uri
        };
        return options !== void 0 && (options.recursive !== void 0 || options.ignoreIfNotExists !== void 0) && (result.options = options), annotation !== void 0 && (result.annotationId = annotation), result;
      }
      DeleteFile2.create = create;
      function is(value) {
        let candidate = value;
        return candidate && candidate.kind === "delete" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.recursive === void 0 || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === void 0 || Is.boolean(candidate.options.ignoreIfNotExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      DeleteFile2.is = is;
    })(DeleteFile || (DeleteFile = {}));
    (function(WorkspaceEdit2) {
      function is(value) {
        let candidate = value;
        return candidate && (candidate.changes !== void 0 || candidate.documentChanges !== void 0) && (candidate.documentChanges === void 0 || candidate.documentChanges.every((change) => Is.string(change.kind) ? CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change) : TextDocumentEdit.is(change)));
      }
      WorkspaceEdit2.is = is;
    })(WorkspaceEdit || (WorkspaceEdit = {}));
    TextEditChangeImpl = class {
      constructor(edits, changeAnnotations) {
        this.edits = edits, this.changeAnnotations = changeAnnotations;
      }
      insert(position, newText, annotation) {
        let edit, id;
        if (annotation === void 0 ? edit = TextEdit.insert(position, newText) : ChangeAnnotationIdentifier.is(annotation) ? (id = annotation, edit = AnnotatedTextEdit.insert(position, newText, annotation)) : (this.assertChangeAnnotations(this.changeAnnotations), id = this.changeAnnotations.manage(annotation), edit = AnnotatedTextEdit.insert(position, newText, id)), this.edits.push(edit), id !== void 0)
          return id;
      }
      replace(range2, newText, annotation) {
        let edit, id;
        if (annotation === void 0 ? edit = TextEdit.replace(range2, newText) : ChangeAnnotationIdentifier.is(annotation) ? (id = annotation, edit = AnnotatedTextEdit.replace(range2, newText, annotation)) : (this.assertChangeAnnotations(this.changeAnnotations), id = this.changeAnnotations.manage(annotation), edit = AnnotatedTextEdit.replace(range2, newText, id)), this.edits.push(edit), id !== void 0)
          return id;
      }
      delete(range2, annotation) {
        let edit, id;
        if (annotation === void 0 ? edit = TextEdit.del(range2) : ChangeAnnotationIdentifier.is(annotation) ? (id = annotation, edit = AnnotatedTextEdit.del(range2, annotation)) : (this.assertChangeAnnotations(this.changeAnnotations), id = this.changeAnnotations.manage(annotation), edit = AnnotatedTextEdit.del(range2, id)), this.edits.push(edit), id !== void 0)
          return id;
      }
      add(edit) {
        this.edits.push(edit);
      }
      all() {
        return this.edits;
      }
      clear() {
        this.edits.splice(0, this.edits.length);
      }
      assertChangeAnnotations(value) {
        if (value === void 0)
          throw new Error("Text edit change is not configured to manage change annotations.");
      }
    };
    (function(SnippetTextEdit2) {
      function is(value) {
        let candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && StringValue.isSnippet(candidate.snippet) && (candidate.annotationId === void 0 || ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      SnippetTextEdit2.is = is;
    })(SnippetTextEdit || (SnippetTextEdit = {}));
    ChangeAnnotations = class {
      constructor(annotations) {
        this._annotations = annotations === void 0 ? /* @__PURE__ */ Object.create(null) : annotations, this._counter = 0, this._size = 0;
      }
      all() {
        return this._annotations;
      }
      get size() {
        return this._size;
      }
      manage(idOrAnnotation, annotation) {
        let id;
        if (ChangeAnnotationIdentifier.is(idOrAnnotation) ? id = idOrAnnotation : (id = this.nextId(), annotation = idOrAnnotation), this._annotations[id] !== void 0)
          throw new Error(`Id ${id} is already in use.`);
        if (annotation === void 0)
          throw new Error(`No annotation provided for id ${id}`);
        return this._annotations[id] = annotation, this._size++, id;
      }
      nextId() {
        return this._counter++, this._counter.toString();
      }
    }, WorkspaceChange = class {
      constructor(workspaceEdit) {
        this._textEditChanges = /* @__PURE__ */ Object.create(null), workspaceEdit !== void 0 ? (this._workspaceEdit = workspaceEdit, workspaceEdit.documentChanges ? (this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations), workspaceEdit.changeAnnotations = this._changeAnnotations.all(), workspaceEdit.documentChanges.forEach((change) => {
          if (TextDocumentEdit.is(change)) {
            let textEditChange = new TextEditChangeImpl(change.edits, this._changeAnnotations);
            this._textEditChanges[change.textDocument.uri] = textEditChange;
          }
        })) : workspaceEdit.changes && Object.keys(workspaceEdit.changes).forEach((key) => {
          let textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
          this._textEditChanges[key] = textEditChange;
        })) : this._workspaceEdit = {};
      }
      /**
       * Returns the underlying {@link WorkspaceEdit} literal
       * use to be returned from a workspace edit operation like rename.
       */
      get edit() {
        return this.initDocumentChanges(), this._changeAnnotations !== void 0 && (this._changeAnnotations.size === 0 ? this._workspaceEdit.changeAnnotations = void 0 : this._workspaceEdit.changeAnnotations = this._changeAnnotations.all()), this._workspaceEdit;
      }
      getTextEditChange(key) {
        if (OptionalVersionedTextDocumentIdentifier.is(key)) {
          if (this.initDocumentChanges(), this._workspaceEdit.documentChanges === void 0)
            throw new Error("Workspace edit is not configured for document changes.");
          let textDocument = { uri: key.uri, version: key.version }, result = this._textEditChanges[textDocument.uri];
          if (!result) {
            let edits = [], textDocumentEdit = {
              textDocument,
              edits
            };
            this._workspaceEdit.documentChanges.push(textDocumentEdit), result = new TextEditChangeImpl(edits, this._changeAnnotations), this._textEditChanges[textDocument.uri] = result;
          }
          return result;
        } else {
          if (this.initChanges(), this._workspaceEdit.changes === void 0)
            throw new Error("Workspace edit is not configured for normal text edit changes.");
          let result = this._textEditChanges[key];
          if (!result) {
            let edits = [];
            this._workspaceEdit.changes[key] = edits, result = new TextEditChangeImpl(edits), this._textEditChanges[key] = result;
          }
          return result;
        }
      }
      initDocumentChanges() {
        this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0 && (this._changeAnnotations = new ChangeAnnotations(), this._workspaceEdit.documentChanges = [], this._workspaceEdit.changeAnnotations = this._changeAnnotations.all());
      }
      initChanges() {
        this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0 && (this._workspaceEdit.changes = /* @__PURE__ */ Object.create(null));
      }
      createFile(uri, optionsOrAnnotation, options) {
        if (this.initDocumentChanges(), this._workspaceEdit.documentChanges === void 0)
          throw new Error("Workspace edit is not configured for document changes.");
        let annotation;
        ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation) ? annotation = optionsOrAnnotation : options = optionsOrAnnotation;
        let operation, id;
        if (annotation === void 0 ? operation = CreateFile.create(uri, options) : (id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation), operation = CreateFile.create(uri, options, id)), this._workspaceEdit.documentChanges.push(operation), id !== void 0)
          return id;
      }
      renameFile(oldUri, newUri, optionsOrAnnotation, options) {
        if (this.initDocumentChanges(), this._workspaceEdit.documentChanges === void 0)
          throw new Error("Workspace edit is not configured for document changes.");
        let annotation;
        ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation) ? annotation = optionsOrAnnotation : options = optionsOrAnnotation;
        let operation, id;
        if (annotation === void 0 ? operation = RenameFile.create(oldUri, newUri, options) : (id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation), operation = RenameFile.create(oldUri, newUri, options, id)), this._workspaceEdit.documentChanges.push(operation), id !== void 0)
          return id;
      }
      deleteFile(uri, optionsOrAnnotation, options) {
        if (this.initDocumentChanges(), this._workspaceEdit.documentChanges === void 0)
          throw new Error("Workspace edit is not configured for document changes.");
        let annotation;
        ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation) ? annotation = optionsOrAnnotation : options = optionsOrAnnotation;
        let operation, id;
        if (annotation === void 0 ? operation = DeleteFile.create(uri, options) : (id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation), operation = DeleteFile.create(uri, options, id)), this._workspaceEdit.documentChanges.push(operation), id !== void 0)
          return id;
      }
    };
    (function(TextDocumentIdentifier2) {
      function create(uri) {
        return { uri };
      }
      TextDocumentIdentifier2.create = create;
      function is(value) {
        let candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri);
      }
      TextDocumentIdentifier2.is = is;
    })(TextDocumentIdentifier || (TextDocumentIdentifier = {}));
    (function(VersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      VersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        let candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
      }
      VersionedTextDocumentIdentifier2.is = is;
    })(VersionedTextDocumentIdentifier || (VersionedTextDocumentIdentifier = {}));
    (function(OptionalVersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      OptionalVersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        let candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
      }
      OptionalVersionedTextDocumentIdentifier2.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (OptionalVersionedTextDocumentIdentifier = {}));
    (function(LanguageKind2) {
      LanguageKind2.ABAP = "abap", LanguageKind2.WindowsBat = "bat", LanguageKind2.BibTeX = "bibtex", LanguageKind2.Clojure = "clojure", LanguageKind2.Coffeescript = "coffeescript", LanguageKind2.C = "c", LanguageKind2.CPP = "cpp", LanguageKind2.CSharp = "csharp", LanguageKind2.CSS = "css", LanguageKind2.D = "d", LanguageKind2.Delphi = "pascal", LanguageKind2.Diff = "diff", LanguageKind2.Dart = "dart", LanguageKind2.Dockerfile = "dockerfile", LanguageKind2.Elixir = "elixir", LanguageKind2.Erlang = "erlang", LanguageKind2.FSharp = "fsharp", LanguageKind2.GitCommit = "git-commit", LanguageKind2.GitRebase = "git-rebase", LanguageKind2.Go = "go", LanguageKind2.Groovy = "groovy", LanguageKind2.Handlebars = "handlebars", LanguageKind2.Haskell = "haskell", LanguageKind2.HTML = "html", LanguageKind2.Ini = "ini", LanguageKind2.Java = "java", LanguageKind2.JavaScript = "javascript", LanguageKind2.JavaScriptReact = "javascriptreact", LanguageKind2.JSON = "json", LanguageKind2.LaTeX = "latex", LanguageKind2.Less = "less", LanguageKind2.Lua = "lua", LanguageKind2.Makefile = "makefile", LanguageKind2.Markdown = "markdown", LanguageKind2.ObjectiveC = "objective-c", LanguageKind2.ObjectiveCPP = "objective-cpp", LanguageKind2.Pascal = "pascal", LanguageKind2.Perl = "perl", LanguageKind2.Perl6 = "perl6", LanguageKind2.PHP = "php", LanguageKind2.Plaintext = "plaintext", LanguageKind2.Powershell = "powershell", LanguageKind2.Pug = "jade", LanguageKind2.Python = "python", LanguageKind2.R = "r", LanguageKind2.Razor = "razor", LanguageKind2.Ruby = "ruby", LanguageKind2.Rust = "rust", LanguageKind2.SCSS = "scss", LanguageKind2.SASS = "sass", LanguageKind2.Scala = "scala", LanguageKind2.ShaderLab = "shaderlab", LanguageKind2.ShellScript = "shellscript", LanguageKind2.SQL = "sql", LanguageKind2.Swift = "swift", LanguageKind2.TypeScript = "typescript", LanguageKind2.TypeScriptReact = "typescriptreact", LanguageKind2.TeX = "tex", LanguageKind2.VisualBasic = "vb", LanguageKind2.XML = "xml", LanguageKind2.XSL = "xsl", LanguageKind2.YAML = "yaml";
    })(LanguageKind || (LanguageKind = {}));
    (function(TextDocumentItem2) {
      function create(uri, languageId, version, text) {
        return { uri, languageId, version, text };
      }
      TextDocumentItem2.create = create;
      function is(value) {
        let candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
      }
      TextDocumentItem2.is = is;
    })(TextDocumentItem || (TextDocumentItem = {}));
    (function(MarkupKind2) {
      MarkupKind2.PlainText = "plaintext", MarkupKind2.Markdown = "markdown";
      function is(value) {
        let candidate = value;
        return candidate === MarkupKind2.PlainText || candidate === MarkupKind2.Markdown;
      }
      MarkupKind2.is = is;
    })(MarkupKind || (MarkupKind = {}));
    (function(MarkupContent2) {
      function is(value) {
        let candidate = value;
        return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
      }
      MarkupContent2.is = is;
    })(MarkupContent || (MarkupContent = {}));
    (function(CompletionItemKind2) {
      CompletionItemKind2.Text = 1, CompletionItemKind2.Method = 2, CompletionItemKind2.Function = 3, CompletionItemKind2.Constructor = 4, CompletionItemKind2.Field = 5, CompletionItemKind2.Variable = 6, CompletionItemKind2.Class = 7, CompletionItemKind2.Interface = 8, CompletionItemKind2.Module = 9, CompletionItemKind2.Property = 10, CompletionItemKind2.Unit = 11, CompletionItemKind2.Value = 12, CompletionItemKind2.Enum = 13, CompletionItemKind2.Keyword = 14, CompletionItemKind2.Snippet = 15, CompletionItemKind2.Color = 16, CompletionItemKind2.File = 17, CompletionItemKind2.Reference = 18, CompletionItemKind2.Folder = 19, CompletionItemKind2.EnumMember = 20, CompletionItemKind2.Constant = 21, CompletionItemKind2.Struct = 22, CompletionItemKind2.Event = 23, CompletionItemKind2.Operator = 24, CompletionItemKind2.TypeParameter = 25;
    })(CompletionItemKind || (CompletionItemKind = {}));
    (function(InsertTextFormat2) {
      InsertTextFormat2.PlainText = 1, InsertTextFormat2.Snippet = 2;
    })(InsertTextFormat || (InsertTextFormat = {}));
    (function(CompletionItemTag2) {
      CompletionItemTag2.Deprecated = 1;
    })(CompletionItemTag || (CompletionItemTag = {}));
    (function(InsertReplaceEdit2) {
      function create(newText, insert, replace) {
        return { newText, insert, replace };
      }
      InsertReplaceEdit2.create = create;
      function is(value) {
        let candidate = value;
        return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
      }
      InsertReplaceEdit2.is = is;
    })(InsertReplaceEdit || (InsertReplaceEdit = {}));
    (function(InsertTextMode2) {
      InsertTextMode2.asIs = 1, InsertTextMode2.adjustIndentation = 2;
    })(InsertTextMode || (InsertTextMode = {}));
    (function(ApplyKind2) {
      ApplyKind2.Replace = 1, ApplyKind2.Merge = 2;
    })(ApplyKind || (ApplyKind = {}));
    (function(CompletionItemLabelDetails2) {
      function is(value) {
        let candidate = value;
        return candidate && (Is.string(candidate.detail) || candidate.detail === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      CompletionItemLabelDetails2.is = is;
    })(CompletionItemLabelDetails || (CompletionItemLabelDetails = {}));
    (function(CompletionItem2) {
      function create(label) {
        return { label };
      }
      CompletionItem2.create = create;
    })(CompletionItem || (CompletionItem = {}));
    (function(CompletionList2) {
      function create(items, isIncomplete) {
        return { items: items || [], isIncomplete: !!isIncomplete };
      }
      CompletionList2.create = create;
    })(CompletionList || (CompletionList = {}));
    (function(MarkedString2) {
      function fromPlainText(plainText) {
        return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, "\\$&");
      }
      MarkedString2.fromPlainText = fromPlainText;
      function is(value) {
        let candidate = value;
        return Is.string(candidate) || Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value);
      }
      MarkedString2.is = is;
    })(MarkedString || (MarkedString = {}));
    (function(Hover2) {
      function is(value) {
        let candidate = value;
        return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) || MarkedString.is(candidate.contents) || Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === void 0 || Range.is(value.range));
      }
      Hover2.is = is;
    })(Hover || (Hover = {}));
    (function(ParameterInformation2) {
      function create(label, documentation) {
        return documentation ? { label, documentation } : { label };
      }
      ParameterInformation2.create = create;
    })(ParameterInformation || (ParameterInformation = {}));
    (function(SignatureInformation2) {
      function create(label, documentation, ...parameters) {
        let result = { label };
        return Is.defined(documentation) && (result.documentation = documentation), Is.defined(parameters) ? result.parameters = parameters : result.parameters = [], result;
      }
      SignatureInformation2.create = create;
    })(SignatureInformation || (SignatureInformation = {}));
    (function(DocumentHighlightKind2) {
      DocumentHighlightKind2.Text = 1, DocumentHighlightKind2.Read = 2, DocumentHighlightKind2.Write = 3;
    })(DocumentHighlightKind || (DocumentHighlightKind = {}));
    (function(DocumentHighlight2) {
      function create(range2, kind) {
        let result = { range: range2 };
        return Is.number(kind) && (result.kind = kind), result;
      }
      DocumentHighlight2.create = create;
    })(DocumentHighlight || (DocumentHighlight = {}));
    (function(SymbolKind2) {
      SymbolKind2.File = 1, SymbolKind2.Module = 2, SymbolKind2.Namespace = 3, SymbolKind2.Package = 4, SymbolKind2.Class = 5, SymbolKind2.Method = 6, SymbolKind2.Property = 7, SymbolKind2.Field = 8, SymbolKind2.Constructor = 9, SymbolKind2.Enum = 10, SymbolKind2.Interface = 11, SymbolKind2.Function = 12, SymbolKind2.Variable = 13, SymbolKind2.Constant = 14, SymbolKind2.String = 15, SymbolKind2.Number = 16, SymbolKind2.Boolean = 17, SymbolKind2.Array = 18, SymbolKind2.Object = 19, SymbolKind2.Key = 20, SymbolKind2.Null = 21, SymbolKind2.EnumMember = 22, SymbolKind2.Struct = 23, SymbolKind2.Event = 24, SymbolKind2.Operator = 25, SymbolKind2.TypeParameter = 26;
    })(SymbolKind || (SymbolKind = {}));
    (function(SymbolTag2) {
      SymbolTag2.Deprecated = 1;
    })(SymbolTag || (SymbolTag = {}));
    (function(SymbolInformation2) {
      function create(name, kind, range2, uri, containerName) {
        let result = {
          name,
          kind,
          location: { uri, range: range2 }
        };
        return containerName && (result.containerName = containerName), result;
      }
      SymbolInformation2.create = create;
    })(SymbolInformation || (SymbolInformation = {}));
    (function(WorkspaceSymbol2) {
      function create(name, kind, uri, range2) {
        return range2 !== void 0 ? { name, kind, location: { uri, range: range2 } } : { name, kind, location: { uri } };
      }
      WorkspaceSymbol2.create = create;
    })(WorkspaceSymbol || (WorkspaceSymbol = {}));
    (function(DocumentSymbol2) {
      function create(name, detail, kind, range2, selectionRange, children) {
        let result = {
          name,
          detail,
          kind,
          range: range2,
          selectionRange
        };
        return children !== void 0 && (result.children = children), result;
      }
      DocumentSymbol2.create = create;
      function is(value) {
        let candidate = value;
        return candidate && Is.string(candidate.name) && Is.number(candidate.kind) && Range.is(candidate.range) && Range.is(candidate.selectionRange) && (candidate.detail === void 0 || Is.string(candidate.detail)) && (candidate.deprecated === void 0 || Is.boolean(candidate.deprecated)) && (candidate.children === void 0 || Array.isArray(candidate.children)) && (candidate.tags === void 0 || Array.isArray(candidate.tags));
      }
      DocumentSymbol2.is = is;
    })(DocumentSymbol || (DocumentSymbol = {}));
    (function(CodeActionKind2) {
      CodeActionKind2.Empty = "", CodeActionKind2.QuickFix = "quickfix", CodeActionKind2.Refactor = "refactor", CodeActionKind2.RefactorExtract = "refactor.extract", CodeActionKind2.RefactorInline = "refactor.inline", CodeActionKind2.RefactorMove = "refactor.move", CodeActionKind2.RefactorRewrite = "refactor.rewrite", CodeActionKind2.Source = "source", CodeActionKind2.SourceOrganizeImports = "source.organizeImports", CodeActionKind2.SourceFixAll = "source.fixAll", CodeActionKind2.Notebook = "notebook";
    })(CodeActionKind || (CodeActionKind = {}));
    (function(CodeActionTriggerKind2) {
      CodeActionTriggerKind2.Invoked = 1, CodeActionTriggerKind2.Automatic = 2;
    })(CodeActionTriggerKind || (CodeActionTriggerKind = {}));
    (function(CodeActionContext2) {
      function create(diagnostics, only, triggerKind) {
        let result = { diagnostics };
        return only != null && (result.only = only), triggerKind != null && (result.triggerKind = triggerKind), result;
      }
      CodeActionContext2.create = create;
      function is(value) {
        let candidate = value;
        return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is) && (candidate.only === void 0 || Is.typedArray(candidate.only, Is.string)) && (candidate.triggerKind === void 0 || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
      }
      CodeActionContext2.is = is;
    })(CodeActionContext || (CodeActionContext = {}));
    (function(CodeActionTag2) {
      CodeActionTag2.LLMGenerated = 1;
      function is(value) {
        return Is.defined(value) && value === CodeActionTag2.LLMGenerated;
      }
      CodeActionTag2.is = is;
    })(CodeActionTag || (CodeActionTag = {}));
    (function(CodeAction2) {
      function create(title, kindOrCommandOrEdit, kind) {
        let result = { title }, checkKind = !0;
        return typeof kindOrCommandOrEdit == "string" ? (checkKind = !1, result.kind = kindOrCommandOrEdit) : Command.is(kindOrCommandOrEdit) ? result.command = kindOrCommandOrEdit : result.edit = kindOrCommandOrEdit, checkKind && kind !== void 0 && (result.kind = kind), result;
      }
      CodeAction2.create = create;
      function is(value) {
        let candidate = value;
        return candidate && Is.string(candidate.title) && (candidate.diagnostics === void 0 || Is.typedArray(candidate.diagnostics, Diagnostic.is)) && (candidate.kind === void 0 || Is.string(candidate.kind)) && (candidate.edit !== void 0 || candidate.command !== void 0) && (candidate.command === void 0 || Command.is(candidate.command)) && (candidate.isPreferred === void 0 || Is.boolean(candidate.isPreferred)) && (candidate.edit === void 0 || WorkspaceEdit.is(candidate.edit)) && (candidate.tags === void 0 || Is.typedArray(candidate.tags, CodeActionTag.is));
      }
      CodeAction2.is = is;
    })(CodeAction || (CodeAction = {}));
    (function(CodeLens2) {
      function create(range2, data) {
        let result = { range: range2 };
        return Is.defined(data) && (result.data = data), result;
      }
      CodeLens2.create = create;
      function is(value) {
        let candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
      }
      CodeLens2.is = is;
    })(CodeLens || (CodeLens = {}));
    (function(FormattingOptions2) {
      function create(tabSize, insertSpaces) {
        return { tabSize, insertSpaces };
      }
      FormattingOptions2.create = create;
      function is(value) {
        let candidate = value;
        return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
      }
      FormattingOptions2.is = is;
    })(FormattingOptions || (FormattingOptions = {}));
    (function(DocumentLink2) {
      function create(range2, target, data) {
        return { range: range2, target, data };
      }
      DocumentLink2.create = create;
      function is(value) {
        let candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
      }
      DocumentLink2.is = is;
    })(DocumentLink || (DocumentLink = {}));
    (function(SelectionRange2) {
      function create(range2, parent) {
        return { range: range2, parent };
      }
      SelectionRange2.create = create;
      function is(value) {
        let candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === void 0 || SelectionRange2.is(candidate.parent));
      }
      SelectionRange2.is = is;
    })(SelectionRange || (SelectionRange = {}));
    (function(SemanticTokenTypes2) {
      SemanticTokenTypes2.namespace = "namespace", SemanticTokenTypes2.type = "type", SemanticTokenTypes2.class = "class", SemanticTokenTypes2.enum = "enum", SemanticTokenTypes2.interface = "interface", SemanticTokenTypes2.struct = "struct", SemanticTokenTypes2.typeParameter = "typeParameter", SemanticTokenTypes2.parameter = "parameter", SemanticTokenTypes2.variable = "variable", SemanticTokenTypes2.property = "property", SemanticTokenTypes2.enumMember = "enumMember", SemanticTokenTypes2.event = "event", SemanticTokenTypes2.function = "function", SemanticTokenTypes2.method = "method", SemanticTokenTypes2.macro = "macro", SemanticTokenTypes2.keyword = "keyword", SemanticTokenTypes2.modifier = "modifier", SemanticTokenTypes2.comment = "comment", SemanticTokenTypes2.string = "string", SemanticTokenTypes2.number = "number", SemanticTokenTypes2.regexp = "regexp", SemanticTokenTypes2.operator = "operator", SemanticTokenTypes2.decorator = "decorator", SemanticTokenTypes2.label = "label";
    })(SemanticTokenTypes || (SemanticTokenTypes = {}));
    (function(SemanticTokenModifiers2) {
      SemanticTokenModifiers2.declaration = "declaration", SemanticTokenModifiers2.definition = "definition", SemanticTokenModifiers2.readonly = "readonly", SemanticTokenModifiers2.static = "static", SemanticTokenModifiers2.deprecated = "deprecated", SemanticTokenModifiers2.abstract = "abstract", SemanticTokenModifiers2.async = "async", SemanticTokenModifiers2.modification = "modification", SemanticTokenModifiers2.documentation = "documentation", SemanticTokenModifiers2.defaultLibrary = "defaultLibrary";
    })(SemanticTokenModifiers || (SemanticTokenModifiers = {}));
    (function(SemanticTokens2) {
      function is(value) {
        let candidate = value;
        return Is.objectLiteral(candidate) && (candidate.resultId === void 0 || typeof candidate.resultId == "string") && Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] == "number");
      }
      SemanticTokens2.is = is;
    })(SemanticTokens || (SemanticTokens = {}));
    (function(InlineValueText2) {
      function create(range2, text) {
        return { range: range2, text };
      }
      InlineValueText2.create = create;
      function is(value) {
        let candidate = value;
        return candidate != null && Range.is(candidate.range) && Is.string(candidate.text);
      }
      InlineValueText2.is = is;
    })(InlineValueText || (InlineValueText = {}));
    (function(InlineValueVariableLookup2) {
      function create(range2, variableName, caseSensitiveLookup) {
        return { range: range2, variableName, caseSensitiveLookup };
      }
      InlineValueVariableLookup2.create = create;
      function is(value) {
        let candidate = value;
        return candidate != null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup) && (Is.string(candidate.variableName) || candidate.variableName === void 0);
      }
      InlineValueVariableLookup2.is = is;
    })(InlineValueVariableLookup || (InlineValueVariableLookup = {}));
    (function(InlineValueEvaluatableExpression2) {
      function create(range2, expression) {
        return { range: range2, expression };
      }
      InlineValueEvaluatableExpression2.create = create;
      function is(value) {
        let candidate = value;
        return candidate != null && Range.is(candidate.range) && (Is.string(candidate.expression) || candidate.expression === void 0);
      }
      InlineValueEvaluatableExpression2.is = is;
    })(InlineValueEvaluatableExpression || (InlineValueEvaluatableExpression = {}));
    (function(InlineValueContext2) {
      function create(frameId, stoppedLocation) {
        return { frameId, stoppedLocation };
      }
      InlineValueContext2.create = create;
      function is(value) {
        let candidate = value;
        return Is.defined(candidate) && Range.is(value.stoppedLocation);
      }
      InlineValueContext2.is = is;
    })(InlineValueContext || (InlineValueContext = {}));
    (function(InlayHintKind2) {
      InlayHintKind2.Type = 1, InlayHintKind2.Parameter = 2;
      function is(value) {
        return value === 1 || value === 2;
      }
      InlayHintKind2.is = is;
    })(InlayHintKind || (InlayHintKind = {}));
    (function(InlayHintLabelPart2) {
      function create(value) {
        return { value };
      }
      InlayHintLabelPart2.create = create;
      function is(value) {
        let candidate = value;
        return Is.objectLiteral(candidate) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.location === void 0 || Location.is(candidate.location)) && (candidate.command === void 0 || Command.is(candidate.command));
      }
      InlayHintLabelPart2.is = is;
    })(InlayHintLabelPart || (InlayHintLabelPart = {}));
    (function(InlayHint2) {
      function create(position, label, kind) {
        let result = { position, label };
        return kind !== void 0 && (result.kind = kind), result;
      }
      InlayHint2.create = create;
      function is(value) {
        let candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.position) && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is)) && (candidate.kind === void 0 || InlayHintKind.is(candidate.kind)) && candidate.textEdits === void 0 || Is.typedArray(candidate.textEdits, TextEdit.is) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.paddingLeft === void 0 || Is.boolean(candidate.paddingLeft)) && (candidate.paddingRight === void 0 || Is.boolean(candidate.paddingRight));
      }
      InlayHint2.is = is;
    })(InlayHint || (InlayHint = {}));
    (function(StringValue2) {
      function createSnippet(value) {
        return { kind: "snippet", value };
      }
      StringValue2.createSnippet = createSnippet;
      function isSnippet(value) {
        let candidate = value;
        return Is.objectLiteral(candidate) && candidate.kind === "snippet" && Is.string(candidate.value);
      }
      StringValue2.isSnippet = isSnippet;
    })(StringValue || (StringValue = {}));
    (function(InlineCompletionItem2) {
      function create(insertText, filterText, range2, command) {
        return { insertText, filterText, range: range2, command };
      }
      InlineCompletionItem2.create = create;
    })(InlineCompletionItem || (InlineCompletionItem = {}));
    (function(InlineCompletionList2) {
      function create(items) {
        return { items };
      }
      InlineCompletionList2.create = create;
    })(InlineCompletionList || (InlineCompletionList = {}));
    (function(InlineCompletionTriggerKind2) {
      InlineCompletionTriggerKind2.Invoked = 1, InlineCompletionTriggerKind2.Automatic = 2;
    })(InlineCompletionTriggerKind || (InlineCompletionTriggerKind = {}));
    (function(SelectedCompletionInfo2) {
      function create(range2, text) {
        return { range: range2, text };
      }
      SelectedCompletionInfo2.create = create;
    })(SelectedCompletionInfo || (SelectedCompletionInfo = {}));
    (function(InlineCompletionContext2) {
      function create(triggerKind, selectedCompletionInfo) {
        return { triggerKind, selectedCompletionInfo };
      }
      InlineCompletionContext2.create = create;
    })(InlineCompletionContext || (InlineCompletionContext = {}));
    (function(WorkspaceFolder2) {
      function is(value) {
        let candidate = value;
        return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
      }
      WorkspaceFolder2.is = is;
    })(WorkspaceFolder || (WorkspaceFolder = {}));
    EOL = [`
`, `\r
`, "\r"];
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function is(value) {
        let candidate = value;
        return !!(Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount) && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt));
      }
      TextDocument3.is = is;
      function applyEdits(document, edits) {
        let text = document.getText(), sortedEdits = mergeSort2(edits, (a, b) => {
          let diff = a.range.start.line - b.range.start.line;
          return diff === 0 ? a.range.start.character - b.range.start.character : diff;
        }), lastModifiedOffset = text.length;
        for (let i = sortedEdits.length - 1; i >= 0; i--) {
          let e = sortedEdits[i], startOffset = document.offsetAt(e.range.start), endOffset = document.offsetAt(e.range.end);
          if (endOffset <= lastModifiedOffset)
            text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
          else
            throw new Error("Overlapping edit");
          lastModifiedOffset = startOffset;
        }
        return text;
      }
      TextDocument3.applyEdits = applyEdits;
      function mergeSort2(data, compare) {
        if (data.length <= 1)
          return data;
        let p = data.length / 2 | 0, left = data.slice(0, p), right = data.slice(p);
        mergeSort2(left, compare), mergeSort2(right, compare);
        let leftIdx = 0, rightIdx = 0, i = 0;
        for (; leftIdx < left.length && rightIdx < right.length; )
          compare(left[leftIdx], right[rightIdx]) <= 0 ? data[i++] = left[leftIdx++] : data[i++] = right[rightIdx++];
        for (; leftIdx < left.length; )
          data[i++] = left[leftIdx++];
        for (; rightIdx < right.length; )
          data[i++] = right[rightIdx++];
        return data;
      }
    })(TextDocument || (TextDocument = {}));
    FullTextDocument = class {
      constructor(uri, languageId, version, content) {
        this._uri = uri, this._languageId = languageId, this._version = version, this._content = content, this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range2) {
        if (range2) {
          let start = this.offsetAt(range2.start), end = this.offsetAt(range2.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(event, version) {
        this._content = event.text, this._version = version, this._lineOffsets = void 0;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          let lineOffsets = [], text = this._content, isLineStart = !0;
          for (let i = 0; i < text.length; i++) {
            isLineStart && (lineOffsets.push(i), isLineStart = !1);
            let ch = text.charAt(i);
            isLineStart = ch === "\r" || ch === `
`, ch === "\r" && i + 1 < text.length && text.charAt(i + 1) === `
` && i++;
          }
          isLineStart && text.length > 0 && lineOffsets.push(text.length), this._lineOffsets = lineOffsets;
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        let lineOffsets = this.getLineOffsets(), low = 0, high = lineOffsets.length;
        if (high === 0)
          return Position.create(0, offset);
        for (; low < high; ) {
          let mid = Math.floor((low + high) / 2);
          lineOffsets[mid] > offset ? high = mid : low = mid + 1;
        }
        let line = low - 1;
        return Position.create(line, offset - lineOffsets[line]);
      }
      offsetAt(position) {
        let lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length)
          return this._content.length;
        if (position.line < 0)
          return 0;
        let lineOffset = lineOffsets[position.line], nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
    };
    (function(Is2) {
      let toString = Object.prototype.toString;
      function defined(value) {
        return typeof value < "u";
      }
      Is2.defined = defined;
      function undefined2(value) {
        return typeof value > "u";
      }
      Is2.undefined = undefined2;
      function boolean2(value) {
        return value === !0 || value === !1;
      }
      Is2.boolean = boolean2;
      function string2(value) {
        return toString.call(value) === "[object String]";
      }
      Is2.string = string2;
      function number2(value) {
        return toString.call(value) === "[object Number]";
      }
      Is2.number = number2;
      function numberRange(value, min, max) {
        return toString.call(value) === "[object Number]" && min <= value && value <= max;
      }
      Is2.numberRange = numberRange;
      function integer2(value) {
        return toString.call(value) === "[object Number]" && -2147483648 <= value && value <= 2147483647;
      }
      Is2.integer = integer2;
      function uinteger2(value) {
        return toString.call(value) === "[object Number]" && 0 <= value && value <= 2147483647;
      }
      Is2.uinteger = uinteger2;
      function func(value) {
        return toString.call(value) === "[object Function]";
      }
      Is2.func = func;
      function objectLiteral(value) {
        return value !== null && typeof value == "object";
      }
      Is2.objectLiteral = objectLiteral;
      function typedArray(value, check) {
        return Array.isArray(value) && value.every(check);
      }
      Is2.typedArray = typedArray;
    })(Is || (Is = {}));
  }
});

// node_modules/dockerfile-ast/lib/line.js
var require_line = __commonJS({
  "node_modules/dockerfile-ast/lib/line.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Line = void 0;
    var Line = class {
      constructor(document, range2) {
        this.document = document, this.range = range2;
      }
      getRange() {
        return this.range;
      }
      getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
      }
      isAfter(line) {
        return this.range.start.line > line.range.start.line;
      }
      isBefore(line) {
        return this.range.start.line < line;
      }
    };
    exports.Line = Line;
  }
});

// node_modules/dockerfile-ast/lib/util.js
var require_util = __commonJS({
  "node_modules/dockerfile-ast/lib/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Util = void 0;
    var Util = class _Util {
      static isUTF8BOM(char) {
        let uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 239 && uintArray[1] == 187 && uintArray[2] == 191;
      }
      static isWhitespace(char) {
        return char === " " || char === "	" || _Util.isNewline(char);
      }
      static isNewline(char) {
        return char === "\r" || char === `
`;
      }
      static findLeadingNonWhitespace(content, escapeChar) {
        whitespaceCheck: for (let i = 0; i < content.length; i++)
          switch (content.charAt(i)) {
            case " ":
            case "	":
              continue;
            case escapeChar:
              escapeCheck: for (let j = i + 1; j < content.length; j++)
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    i = j + 1;
                    continue whitespaceCheck;
                  case `
`:
                    i = j;
                    continue whitespaceCheck;
                  default:
                    break escapeCheck;
                }
              return -1;
            default:
              return i;
          }
        return -1;
      }
      /**
       * Determines if the given position is contained within the given range.
       *
       * @param position the position to check
       * @param range the range to see if the position is inside of
       */
      static isInsideRange(position, range2) {
        return range2.start.line === range2.end.line ? range2.start.line === position.line && range2.start.character <= position.character && position.character <= range2.end.character : range2.start.line === position.line ? range2.start.character <= position.character : range2.end.line === position.line ? position.character <= range2.end.character : range2.start.line < position.line && position.line < range2.end.line;
      }
      static parseHeredocName(value) {
        if (value = value.substring(2), value.charAt(0) === "-" && (value = value.substring(1)), value.charAt(0) === '"') {
          if (value.charAt(value.length - 1) !== '"')
            return null;
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "'") {
          if (value.charAt(value.length - 1) !== "'")
            return null;
          value = value.substring(1, value.length - 1);
        }
        return value.charAt(0) === "<" ? null : value;
      }
    };
    exports.Util = Util;
  }
});

// node_modules/dockerfile-ast/lib/comment.js
var require_comment = __commonJS({
  "node_modules/dockerfile-ast/lib/comment.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Comment = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports)), line_1 = require_line(), util_1 = require_util(), Comment = class extends line_1.Line {
      constructor(document, range2) {
        super(document, range2);
      }
      toString() {
        let content = this.getContent();
        return content ? "# " + content : "#";
      }
      /**
       * Returns the content of this comment. This excludes leading and
       * trailing whitespace as well as the # symbol. If the comment only
       * consists of whitespace, the empty string will be returned.
       */
      getContent() {
        let range2 = this.getContentRange();
        return range2 === null ? "" : this.document.getText().substring(this.document.offsetAt(range2.start), this.document.offsetAt(range2.end));
      }
      /**
       * Returns a range that includes the content of the comment
       * excluding any leading and trailing whitespace as well as the #
       * symbol. May return null if the comment only consists of whitespace
       * characters.
       */
      getContentRange() {
        let range2 = this.getRange(), startOffset = this.document.offsetAt(range2.start), raw = this.document.getText().substring(startOffset, this.document.offsetAt(range2.end)), start = -1, end = -1;
        for (let i = 1; i < raw.length; i++)
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            start = i;
            break;
          }
        if (start === -1)
          return null;
        for (let i = raw.length - 1; i >= 1; i--)
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            end = i + 1;
            break;
          }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
      }
    };
    exports.Comment = Comment;
  }
});

// node_modules/vscode-languageserver-textdocument/lib/esm/main.js
var main_exports2 = {};
__export(main_exports2, {
  TextDocument: () => TextDocument2
});
function mergeSort(data, compare) {
  if (data.length <= 1)
    return data;
  let p = data.length / 2 | 0, left = data.slice(0, p), right = data.slice(p);
  mergeSort(left, compare), mergeSort(right, compare);
  let leftIdx = 0, rightIdx = 0, i = 0;
  for (; leftIdx < left.length && rightIdx < right.length; )
    compare(left[leftIdx], right[rightIdx]) <= 0 ? data[i++] = left[leftIdx++] : data[i++] = right[rightIdx++];
  for (; leftIdx < left.length; )
    data[i++] = left[leftIdx++];
  for (; rightIdx < right.length; )
    data[i++] = right[rightIdx++];
  return data;
}
function computeLineOffsets(text, isAtLineStart, textOffset = 0) {
  let result = isAtLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    let ch = text.charCodeAt(i);
    isEOL(ch) && (ch === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10 && i++, result.push(textOffset + i + 1));
  }
  return result;
}
function isEOL(char) {
  return char === 13 || char === 10;
}
function getWellformedRange(range2) {
  let start = range2.start, end = range2.end;
  return start.line > end.line || start.line === end.line && start.character > end.character ? { start: end, end: start } : range2;
}
function getWellformedEdit(textEdit) {
  let range2 = getWellformedRange(textEdit.range);
  return range2 !== textEdit.range ? { newText: textEdit.newText, range: range2 } : textEdit;
}
var FullTextDocument2, TextDocument2, init_main2 = __esm({
  "node_modules/vscode-languageserver-textdocument/lib/esm/main.js"() {
    "use strict";
    FullTextDocument2 = class _FullTextDocument {
      constructor(uri, languageId, version, content) {
        this._uri = uri, this._languageId = languageId, this._version = version, this._content = content, this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range2) {
        if (range2) {
          let start = this.offsetAt(range2.start), end = this.offsetAt(range2.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(changes, version) {
        for (let change of changes)
          if (_FullTextDocument.isIncremental(change)) {
            let range2 = getWellformedRange(change.range), startOffset = this.offsetAt(range2.start), endOffset = this.offsetAt(range2.end);
            this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
            let insertedEndOffset = startOffset + change.text.length, crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 && this._content.charCodeAt(startOffset) === 10, crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 && this._content.charCodeAt(insertedEndOffset) === 10;
            if (crlfAtStart || crlfAtEnd) {
              this._lineOffsets = void 0;
              continue;
            }
            let startLine = Math.max(range2.start.line, 0), endLine = Math.max(range2.end.line, 0), lineOffsets = this._lineOffsets, addedLineOffsets = computeLineOffsets(change.text, !1, startOffset);
            if (endLine - startLine === addedLineOffsets.length)
              for (let i = 0, len = addedLineOffsets.length; i < len; i++)
                lineOffsets[i + startLine + 1] = addedLineOffsets[i];
            else
              addedLineOffsets.length < 1e4 ? lineOffsets.splice(startLine + 1, endLine - startLine, ...addedLineOffsets) : this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
            let diff = change.text.length - (endOffset - startOffset);
            if (diff !== 0)
              for (let i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++)
                lineOffsets[i] = lineOffsets[i] + diff;
          } else if (_FullTextDocument.isFull(change))
            this._content = change.text, this._lineOffsets = void 0;
          else
            throw new Error("Unknown change event received");
        this._version = version;
      }
      getLineOffsets() {
        return this._lineOffsets === void 0 && (this._lineOffsets = computeLineOffsets(this._content, !0)), this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        let lineOffsets = this.getLineOffsets(), low = 0, high = lineOffsets.length;
        if (high === 0)
          return { line: 0, character: offset };
        for (; low < high; ) {
          let mid = Math.floor((low + high) / 2);
          lineOffsets[mid] > offset ? high = mid : low = mid + 1;
        }
        let line = low - 1;
        return offset = this.ensureBeforeEOL(offset, lineOffsets[line]), { line, character: offset - lineOffsets[line] };
      }
      offsetAt(position) {
        let lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length)
          return this._content.length;
        if (position.line < 0)
          return 0;
        let lineOffset = lineOffsets[position.line];
        if (position.character <= 0)
          return lineOffset;
        let nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length, offset = Math.min(lineOffset + position.character, nextLineOffset);
        return this.ensureBeforeEOL(offset, lineOffset);
      }
      getLineRange(line) {
        let lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          let lastLine2 = lineOffsets.length - 1;
          return { start: { line: lastLine2, character: 0 }, end: { line: lastLine2, character: this._content.length - lineOffsets[lastLine2] } };
        } else if (line < 0)
          return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        let startOffset = lineOffsets[line], nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length, endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
        return { start: { line, character: 0 }, end: { line, character: endOffset - startOffset } };
      }
      getEOLCharacters(line) {
        let lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length)
          return "";
        if (line < 0)
          return "";
        let nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length, eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
        return this._content.substring(eolOffset, nextLineOffset);
      }
      ensureBeforeEOL(offset, lineOffset) {
        for (; offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1)); )
          offset--;
        return offset;
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
      static isIncremental(event) {
        let candidate = event;
        return candidate != null && typeof candidate.text == "string" && candidate.range !== void 0 && (candidate.rangeLength === void 0 || typeof candidate.rangeLength == "number");
      }
      static isFull(event) {
        let candidate = event;
        return candidate != null && typeof candidate.text == "string" && candidate.range === void 0 && candidate.rangeLength === void 0;
      }
    };
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument2(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function update(document, changes, version) {
        if (document instanceof FullTextDocument2)
          return document.update(changes, version), document;
        throw new Error("TextDocument.update: document must be created by TextDocument.create");
      }
      TextDocument3.update = update;
      function applyEdits(document, edits) {
        let text = document.getText(), sortedEdits = mergeSort(edits.map(getWellformedEdit), (a, b) => {
          let diff = a.range.start.line - b.range.start.line;
          return diff === 0 ? a.range.start.character - b.range.start.character : diff;
        }), lastModifiedOffset = 0, spans = [];
        for (let e of sortedEdits) {
          let startOffset = document.offsetAt(e.range.start);
          if (startOffset < lastModifiedOffset)
            throw new Error("Overlapping edit");
          startOffset > lastModifiedOffset && spans.push(text.substring(lastModifiedOffset, startOffset)), e.newText.length && spans.push(e.newText), lastModifiedOffset = document.offsetAt(e.range.end);
        }
        return spans.push(text.substr(lastModifiedOffset)), spans.join("");
      }
      TextDocument3.applyEdits = applyEdits;
    })(TextDocument2 || (TextDocument2 = {}));
  }
});

// node_modules/dockerfile-ast/lib/parserDirective.js
var require_parserDirective = __commonJS({
  "node_modules/dockerfile-ast/lib/parserDirective.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.ParserDirective = void 0;
    var main_1 = require_main(), line_1 = require_line(), ParserDirective = class extends line_1.Line {
      constructor(document, range2, nameRange, valueRange) {
        super(document, range2), this.nameRange = nameRange, this.valueRange = valueRange;
      }
      toString() {
        return "# " + this.getName() + "=" + this.getValue();
      }
      getNameRange() {
        return this.nameRange;
      }
      getValueRange() {
        return this.valueRange;
      }
      getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
      }
      getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
      }
      getDirective() {
        let directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === void 0 ? null : directive;
      }
    };
    exports.ParserDirective = ParserDirective;
  }
});

// node_modules/dockerfile-ast/lib/heredoc.js
var require_heredoc = __commonJS({
  "node_modules/dockerfile-ast/lib/heredoc.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Heredoc = void 0;
    var Heredoc = class {
      constructor(startRange, name, nameRange, contentRange, endRange) {
        this.startRange = startRange, this.name = name, this.nameRange = nameRange, this.contentRange = contentRange, this.endRange = endRange;
      }
      /**
       * Returns the name of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range of the start operator and the name. If the
       * here-document is initialized with <<EOT then the start range would
       * encompass all five characters.
       *
       * This API is experimental and subject to change.
       */
      getStartRange() {
        return this.startRange;
      }
      /**
       * Returns the range of this here-document's name that is declared at
       * the beginning of the here-document with the operator. If the
       * here-document is initialized with <<EOT then the name range would
       * encompass the latter three "EOT" characters.
       *
       * This API is experimental and subject to change.
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the content of this here-document. This may
       * be null if the here-document has no content because:
       * - the start range is the only thing that was declared
       * - the end range was declared immediately and there is no content
       *
       * This API is experimental and subject to change.
       */
      getContentRange() {
        return this.contentRange;
      }
      /**
       * Returns the range of the here-document's name on a line that
       * represents the end of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getDelimiterRange() {
        return this.endRange;
      }
    };
    exports.Heredoc = Heredoc;
  }
});

// node_modules/dockerfile-ast/lib/variable.js
var require_variable = __commonJS({
  "node_modules/dockerfile-ast/lib/variable.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Variable = void 0;
    var Variable = class {
      constructor(name, nameRange, range2, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name, this.nameRange = nameRange, this.range = range2, this.modifier = modifier, this.modifierRange = modifierRange, this.substitutionParameter = substitutionParameter, this.substitutionRange = substitutionRange, this.defined = defined, this.buildVariable = buildVariable, this.stringValue = stringValue;
      }
      toString() {
        return this.stringValue;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the entire variable. This includes the symbols for
       * the declaration of the variable such as the $, {, and } symbols.
       *
       * @return the range in the document that this variable encompasses in its
       *         entirety
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the modifier character that has been set for
       * specifying how this variable should be expanded and resolved.
       * If this variable is ${variable:+value} then the modifier
       * character is '+'. Will be the empty string if the variable is
       * declared as ${variable:}. Otherwise, will be null if this
       * variable will not use variable substitution at all (such as
       * ${variable} or $variable).
       *
       * @return this variable's modifier character, or the empty
       *         string if it does not have one, or null if this
       *         variable will not use variable substitution
       */
      getModifier() {
        return this.modifier;
      }
      getModifierRange() {
        return this.modifierRange;
      }
      /**
       * Returns the parameter that will be used for substitution if
       * this variable uses modifiers to define how its value should be
       * resolved. If this variable is ${variable:+value} then the
       * substitution value will be 'value'. Will be the empty string
       * if the variable is declared as ${variable:+} or some other
       * variant where the only thing that follows the modifier
       * character (excluding considerations of escape characters and
       * so on) is the variable's closing bracket. May be null if this
       * variable does not have a modifier character defined (such as
       * ${variable} or $variable).
       *
       * @return this variable's substitution parameter, or the empty
       *         string if it does not have one, or null if there is
       *         not one defined
       */
      getSubstitutionParameter() {
        return this.substitutionParameter;
      }
      getSubstitutionRange() {
        return this.substitutionRange;
      }
      /**
       * Returns whether this variable has been defined or not.
       *
       * @return true if this variable has been defined, false otherwise
       */
      isDefined() {
        return this.defined;
      }
      isBuildVariable() {
        return this.buildVariable === !0;
      }
      isEnvironmentVariable() {
        return this.buildVariable === !1;
      }
    };
    exports.Variable = Variable;
  }
});

// node_modules/dockerfile-ast/lib/instruction.js
var require_instruction = __commonJS({
  "node_modules/dockerfile-ast/lib/instruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Instruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports)), util_1 = require_util(), line_1 = require_line(), argument_1 = require_argument(), heredoc_1 = require_heredoc(), variable_1 = require_variable(), main_1 = require_main(), Instruction = class extends line_1.Line {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2), this.dockerfile = dockerfile, this.escapeChar = escapeChar, this.instruction = instruction, this.instructionRange = instructionRange;
      }
      toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments())
          value += " ", value += arg.getValue();
        return value;
      }
      getRangeContent(range2) {
        return range2 === null ? null : this.document.getText().substring(this.document.offsetAt(range2.start), this.document.offsetAt(range2.end));
      }
      getInstructionRange() {
        return this.instructionRange;
      }
      getInstruction() {
        return this.instruction;
      }
      getKeyword() {
        return this.getInstruction().toUpperCase();
      }
      getArgumentsRange() {
        let args = this.getArguments();
        return args.length === 0 ? null : vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
      }
      getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0)
          return [];
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line)
          return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        let ranges = [], end = -1, startPosition = args[0].getRange().start, range2 = this.getInstructionRange(), extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range2.start), fullArgs = this.getTextContent().substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range2.start)), offset = this.document.offsetAt(range2.start) + extra, start = !1, comment = !1;
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	")
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++)
                switch (fullArgs.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case `
`:
                    startPosition !== null && ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1))), startPosition = null, start = !0, comment = !1, i = j;
                    break whitespaceCheck;
                  default:
                    break whitespaceCheck;
                }
            else next === "\r" ? (startPosition !== null && (ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1))), startPosition = null), start = !0, comment = !1, i += 2) : (next === `
` && (startPosition !== null && ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1))), startPosition = null, start = !0, comment = !1), i++);
          } else if (util_1.Util.isNewline(char))
            comment && (startPosition = null, start = !0, comment = !1);
          else if (!comment) {
            if (startPosition === null) {
              if (char === "#") {
                comment = !0;
                continue;
              }
              let position = this.document.positionAt(offset + i);
              position.character !== 0 && (startPosition = vscode_languageserver_types_1.Position.create(position.line, 0));
            }
            end = i;
          }
        }
        return startPosition === null ? ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1))) : ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1))), ranges;
      }
      getRawArgumentsContent() {
        let args = this.getArguments();
        return args.length === 0 ? null : this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
      }
      getArgumentsContent() {
        if (this.getArguments().length === 0)
          return null;
        let content = "", ranges = this.getArgumentsRanges(), documentText = this.document.getText();
        for (let range2 of ranges)
          content += documentText.substring(this.document.offsetAt(range2.start), this.document.offsetAt(range2.end));
        return content;
      }
      getArguments() {
        return this.getRawArguments();
      }
      getRawArguments() {
        let args = [], range2 = this.getInstructionRange(), extra = this.document.offsetAt(range2.end) - this.document.offsetAt(range2.start), fullArgs = this.getTextContent().substring(extra), offset = this.document.offsetAt(range2.start) + extra, start = !1, comment = !1, found = -1, escapedWhitespaceDetected = !1, escaping = !1, escapeMarker = -1, escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (util_1.Util.isWhitespace(char))
            if (escaping) {
              escapedWhitespaceDetected = !0, util_1.Util.isNewline(char) && (escapedWhitespaceDetected = !1, comment && (comment = !1, start = !0));
              continue;
            } else found !== -1 && (escapeMarker === -1 ? args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i)))) : args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker)))), escapeMarker = -1, escapedArg = "", found = -1);
          else if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	")
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++)
                switch (fullArgs.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case `
`:
                    comment = !1, escaping = !0, start = !0, found !== -1 && (escapeMarker = i), i = j;
                    break whitespaceCheck;
                  default:
                    escapeMarker = i, found === -1 && (i = j - 1);
                    break whitespaceCheck;
                }
            else if (next === "\r")
              comment = !1, escaping = !0, start = !0, found !== -1 && escapeMarker === -1 && (escapeMarker = i), i += 2;
            else if (next === `
`)
              comment = !1, escaping = !0, start = !0, found !== -1 && escapeMarker === -1 && (escapeMarker = i), i++;
            else {
              if (escapedWhitespaceDetected && escapeMarker !== -1 && (args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker)))), escapedArg = "", found = -1), escapeMarker = -1, escapedWhitespaceDetected = !1, escaping = !1, next === "$")
                escapedArg = escapedArg + char + next;
              else {
                if (next === "")
                  break;
                escapedArg = escapedArg + next;
              }
              found === -1 && (found = i), i++;
            }
          } else comment || (start && char === "#" ? comment = !0 : (escapedWhitespaceDetected && escapeMarker !== -1 && (args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker)))), escapedArg = "", found = -1), escapedWhitespaceDetected = !1, escaping = !1, escapeMarker = -1, escapedArg = escapedArg + char, found === -1 && (found = i)), start = !1);
        }
        return found !== -1 && (escapeMarker === -1 ? args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length)))) : args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))))), args;
      }
      getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
          let argRange = args[i].getRange(), offset = this.document.offsetAt(argRange.start), variables = this.parseVariables(offset, args[i].getValue()), swaps = [], requiresExpansion = !1;
          for (let variable of variables) {
            let value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
            swaps.push(value), requiresExpansion = requiresExpansion || value !== void 0;
          }
          if (requiresExpansion) {
            let expanded = "";
            for (let j = 0; j < swaps.length; j++) {
              let variableRange = variables[j].getRange(), start = this.document.offsetAt(variableRange.start), end = this.document.offsetAt(variableRange.end);
              swaps[j] ? (expanded += this.document.getText().substring(offset, start), expanded += swaps[j], offset = end) : (expanded += this.document.getText().substring(offset, end), offset = end);
            }
            let argEnd = this.document.offsetAt(argRange.end);
            argEnd !== offset && (expanded += this.document.getText().substring(offset, argEnd)), args[i] = new argument_1.Argument(expanded, argRange);
          }
        }
        return args;
      }
      getVariables() {
        let variables = [], args = this.getRawArguments();
        for (let arg of args) {
          let range2 = arg.getRange(), rawValue = this.document.getText().substring(this.document.offsetAt(range2.start), this.document.offsetAt(range2.end)), parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
          for (let parsedVariable of parsedVariables)
            variables.push(parsedVariable);
        }
        return variables;
      }
      parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i = 0; i < arg.length; i++)
          switch (arg.charAt(i)) {
            case this.escapeChar:
              arg.charAt(i + 1) === "$" && i++;
              break;
            case "$":
              if (arg.charAt(i + 1) === "{") {
                let escapedString = "${", escapedName = "", nameEnd = -1, escapedSubstitutionParameter = "", substitutionStart = -1, substitutionEnd = -1, modifierRead = -1;
                nameLoop: for (let j = i + 2; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++)
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case `
`:
                            j = k;
                            continue nameLoop;
                        }
                      break;
                    case "}":
                      escapedString += "}";
                      let modifier = null, modifierRange = null, substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null, substitutionRange = null;
                      nameEnd === -1 ? nameEnd = j : nameEnd + 1 === j ? (modifier = "", modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1))) : (substitutionStart === -1 ? (substitutionStart = modifierRead + 1, substitutionEnd = modifierRead + 1) : substitutionEnd = substitutionEnd + 1, modifier = arg.substring(modifierRead, modifierRead + 1), modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1)), substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd)));
                      let start = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), escapedString)), i = j;
                      continue variableLoop;
                    case ":":
                      nameEnd === -1 ? nameEnd = j : modifierRead !== -1 ? (substitutionStart === -1 && (substitutionStart = j), substitutionEnd = j, escapedSubstitutionParameter += ":") : modifierRead = j, escapedString += ":";
                      break;
                    case `
`:
                    case "\r":
                    case " ":
                    case "	":
                      break;
                    default:
                      nameEnd === -1 ? escapedName += char : modifierRead !== -1 ? (substitutionStart === -1 && (substitutionStart = j), substitutionEnd = j, escapedSubstitutionParameter += char) : modifierRead = j, escapedString += char;
                      break;
                  }
                }
                break variableLoop;
              } else {
                if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1)
                  continue;
                {
                  let escapedName = "";
                  nameLoop: for (let j = i + 1; j < arg.length; j++) {
                    let char = arg.charAt(j);
                    switch (char) {
                      case "\r":
                      case `
`:
                      case " ":
                      case "	":
                        continue;
                      case "$":
                      case "'":
                      case '"':
                        let varStart = this.document.positionAt(offset + i);
                        variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName)), i = j - 1;
                        continue variableLoop;
                      case this.escapeChar:
                        for (let k = j + 1; k < arg.length; k++)
                          switch (arg.charAt(k)) {
                            case " ":
                            case "	":
                            case "\r":
                              continue;
                            case `
`:
                              j = k;
                              continue nameLoop;
                          }
                        let start2 = this.document.positionAt(offset + i);
                        variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start2, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start2.line) !== void 0, this.isBuildVariable(escapedName, start2.line), "$" + escapedName));
                        break variableLoop;
                    }
                    if (char.match(/^[a-z0-9_]+$/i) === null) {
                      let varStart = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName)), i = j - 1;
                      continue variableLoop;
                    }
                    escapedName += char;
                  }
                  let start = this.document.positionAt(offset + i);
                  variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), "$" + escapedName));
                }
              }
              break variableLoop;
          }
        return variables;
      }
      isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
          for (let initialArg of this.dockerfile.getInitialARGs()) {
            let property = initialArg.getProperty();
            if (property && variable === property.getName())
              return !0;
          }
          return;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0)), envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--)
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties())
              if (property.getName() === variable)
                return !1;
          }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--)
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable)
              return !0;
          }
      }
      createSingleLineHeredocs(args) {
        let heredocs = [];
        for (let arg of args) {
          let value = arg.getValue();
          if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
            let startRange = arg.getRange(), nameRange = this.getNameRange(startRange), name = this.getName(nameRange);
            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
          }
        }
        return heredocs;
      }
      getName(nameRange) {
        let content = this.document.getText(nameRange), escaping = !1, name = "";
        nameLoop: for (let i = 0; i < content.length; i++) {
          let ch = content.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaping = !0;
              for (let j = i + 1; j < content.length; j++)
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    i = j + 1;
                    continue nameLoop;
                  case `
`:
                    i = j;
                    continue nameLoop;
                  default:
                    name += content.charAt(j), i = j;
                    continue nameLoop;
                }
              break;
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++)
                  if (content.charAt(j) === `
`) {
                    i = j;
                    continue nameLoop;
                  }
              }
            case " ":
            case "	":
            case "\r":
            case `
`:
              if (escaping)
                break;
            default:
              name += ch;
              break;
          }
        }
        return name;
      }
      getNameRange(startRange) {
        let content = this.document.getText(startRange), endFound = !1, searchHyphen = !1, start = -1, end = -1, escaping = !1, quote = null;
        contentLoop: for (let i = 0; i < content.length; i++) {
          let ch = content.charAt(i);
          switch (ch) {
            case '"':
            case "'":
              if (quote === ch)
                break contentLoop;
              quote = ch;
              continue;
            case this.escapeChar:
              for (let j = i + 1; j < content.length; j++)
                if (content.charAt(j) === `
`) {
                  escaping = !0, j = i;
                  continue contentLoop;
                }
              break;
            case " ":
            case "	":
            case "\r":
            case `
`:
              break;
            case "<":
              endFound ? searchHyphen = !0 : endFound = !0;
              break;
            case "-":
              if (searchHyphen) {
                searchHyphen = !1;
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++)
                  if (content.charAt(j) === `
`) {
                    i = j;
                    continue contentLoop;
                  }
              }
            default:
              if (start === -1 && (start = i), quote !== null) {
                end = i + 1;
                break;
              }
              break contentLoop;
          }
        }
        if (start === -1)
          return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        let nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start), nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
      }
      getHeredocs() {
        let args = this.getArguments();
        if (args.length === 0)
          return [];
        let heredocs = [], range2 = this.getRange();
        if (range2.start.line === range2.end.line)
          return this.createSingleLineHeredocs(args);
        let heredocDefinitions = [], heredocsProcessed = !1, escaping = !1, contentStart = -1, contentEnd = -1, lineStart = -1, currentHeredoc = 0, startOffset = this.document.offsetAt(args[0].getRange().start), content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content.length; i++)
          switch (content.charAt(i)) {
            case this.escapeChar:
              escaping = !0;
              for (let j = i + 1; j < content.length; j++)
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    j++;
                  case `
`:
                    i = j;
                    continue contentLoop;
                  default:
                    i = j;
                    continue contentLoop;
                }
              break;
            case "\r":
              break;
            case `
`:
              if (escaping)
                break;
              if (heredocsProcessed) {
                contentStart === -1 && (contentStart = i), contentEnd = i;
                let arg = heredocDefinitions[currentHeredoc], startRange = arg.getRange(), nameRange = this.getNameRange(startRange), name = this.getName(nameRange), delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                if (delimiterRange !== null) {
                  let contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                  heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange)), contentStart = -1, currentHeredoc++;
                }
                lineStart = -1;
              } else {
                let offsetLimit = startOffset + i;
                for (let arg of args)
                  if (this.document.offsetAt(arg.getRange().start) < offsetLimit)
                    arg.getValue().startsWith("<<") && heredocDefinitions.push(arg);
                  else
                    break;
                heredocsProcessed = !0, lineStart = -1;
                continue contentLoop;
              }
              break;
            case " ":
            case "	":
              if (escaping)
                break;
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++)
                  if (content.charAt(j) === `
`) {
                    i = j;
                    continue contentLoop;
                  }
              }
            default:
              escaping && (escaping = !1), heredocsProcessed && (contentStart === -1 && (contentStart = i), lineStart === -1 && (lineStart = i));
              break;
          }
        if (heredocsProcessed) {
          let arg = heredocDefinitions[currentHeredoc], startRange = arg.getRange(), nameRange = this.getNameRange(startRange), name = this.getName(nameRange), contentRange = null, delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range2.end));
          delimiterRange === null ? contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range2.end) : contentEnd !== -1 && (contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd))), heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange)), currentHeredoc++;
          for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
            let startRange2 = heredocDefinitions[currentHeredoc].getRange(), nameRange2 = this.getNameRange(startRange2), name2 = this.getName(nameRange2);
            heredocs.push(new heredoc_1.Heredoc(startRange2, name2, nameRange2, null, null)), currentHeredoc++;
          }
        } else
          return this.createSingleLineHeredocs(args);
        return heredocs;
      }
      getDelimiterRange(startArg, name, candidateRange) {
        let text = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
          let index = 0;
          for (; text.charAt(index) === "	"; )
            index++;
          return text.substring(index) === name ? vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end) : null;
        }
        return text === name ? candidateRange : null;
      }
    };
    exports.Instruction = Instruction;
  }
});

// node_modules/dockerfile-ast/lib/flagOption.js
var require_flagOption = __commonJS({
  "node_modules/dockerfile-ast/lib/flagOption.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.FlagOption = void 0;
    var FlagOption = class {
      constructor(range2, name, nameRange, value, valueRange) {
        this.range = range2, this.name = name, this.nameRange = nameRange, this.value = value, this.valueRange = valueRange;
      }
      toString() {
        return this.valueRange !== null ? this.name + "=" + this.value : this.name;
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
    };
    exports.FlagOption = FlagOption;
  }
});

// node_modules/dockerfile-ast/lib/flag.js
var require_flag = __commonJS({
  "node_modules/dockerfile-ast/lib/flag.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Flag = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports)), flagOption_1 = require_flagOption(), Flag = class {
      constructor(document, range2, name, nameRange, value, valueRange) {
        if (this.options = [], this.range = range2, this.name = name, this.nameRange = nameRange, this.value = value, this.valueRange = valueRange, this.value !== null) {
          let offset = document.offsetAt(valueRange.start), nameStart = -1, valueStart = -1, hasOptions = !1;
          for (let i = 0; i < value.length; i++)
            switch (value.charAt(i)) {
              case "=":
                if (hasOptions = !0, valueStart === -1) {
                  valueStart = i + 1;
                  break;
                }
                break;
              case ",":
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i)), nameStart = -1, valueStart = -1;
                break;
              default:
                nameStart === -1 && (nameStart = i);
                break;
            }
          hasOptions && nameStart !== -1 && this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
        }
      }
      createFlagOption(document, content, documentOffset, nameStart, valueStart, valueEnd) {
        let optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        return valueStart === -1 ? new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null) : new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
      }
      toString() {
        return this.valueRange ? "--" + this.name + "=" + this.value : "--" + this.name;
      }
      /**
       * Returns the range that encompasses this entire flag. This includes the
       * -- prefix in the beginning to the last character of the flag's value (if
       * it has been defined).
       *
       * @return the entire range of this flag
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the name of this flag. The name does not include the -- prefix.
       * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
       * not --interval.
       *
       * @return this flag's name
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range that encompasses the flag's name
       *
       * @return the range containing the flag's name
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the value that has been set to this flag. May be null if the
       * flag is invalid and has no value set like a --start-period. If the flag
       * is instead a --start-period= with an equals sign then the flag's value
       * is the empty string.
       *
       * @return this flag's value if it has been defined, null otherwise
       */
      getValue() {
        return this.value;
      }
      /**
       * Returns the range that encompasses this flag's value. If no value has
       * been set then null will be returned.
       *
       * @return the range containing this flag's value, or null if the flag
       *         has no value defined
       */
      getValueRange() {
        return this.valueRange;
      }
      getOption(name) {
        for (let option of this.options)
          if (option.getName() === name)
            return option;
        return null;
      }
      getOptions() {
        return this.options;
      }
      hasOptions() {
        return this.options.length > 0;
      }
    };
    exports.Flag = Flag;
  }
});

// node_modules/dockerfile-ast/lib/modifiableInstruction.js
var require_modifiableInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/modifiableInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.ModifiableInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports)), flag_1 = require_flag(), instruction_1 = require_instruction(), ModifiableInstruction = class extends instruction_1.Instruction {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2, dockerfile, escapeChar, instruction, instructionRange);
      }
      getFlags() {
        if (!this.flags) {
          this.flags = [];
          for (let arg of this.getArguments()) {
            let value = arg.getValue();
            if (this.stopSearchingForFlags(value))
              return this.flags;
            if (value.indexOf("--") === 0) {
              let range2 = arg.getRange(), rawValue = this.document.getText().substring(this.document.offsetAt(range2.start), this.document.offsetAt(range2.end)), nameIndex = value.indexOf("="), index = rawValue.indexOf("="), firstMatch = !1, secondMatch = !1, startIndex = -1;
              nameSearchLoop: for (let i = 0; i < rawValue.length; i++)
                switch (rawValue.charAt(i)) {
                  case "\\":
                  case " ":
                  case "	":
                  case "\r":
                  case `
`:
                    break;
                  case "-":
                    if (secondMatch) {
                      startIndex = i;
                      break nameSearchLoop;
                    } else firstMatch ? secondMatch = !0 : firstMatch = !0;
                    break;
                  default:
                    startIndex = i;
                    break nameSearchLoop;
                }
              let nameStart = this.document.positionAt(this.document.offsetAt(range2.start) + startIndex);
              if (index === -1)
                this.flags.push(new flag_1.Flag(this.document, range2, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range2.end), null, null));
              else if (index === value.length - 1) {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range2.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range2, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range2.end, range2.end)));
              } else {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range2.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range2, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range2.start) + index + 1), range2.end)));
              }
            }
          }
        }
        return this.flags;
      }
      getArguments() {
        let args = super.getArguments(), flags = this.getFlags();
        if (flags.length === 0)
          return args;
        for (let i = 0; i < flags.length; i++)
          args.shift();
        return args;
      }
    };
    exports.ModifiableInstruction = ModifiableInstruction;
  }
});

// node_modules/dockerfile-ast/lib/jsonInstruction.js
var require_jsonInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.JSONInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports)), argument_1 = require_argument(), jsonArgument_1 = require_jsonArgument(), modifiableInstruction_1 = require_modifiableInstruction(), JSONInstruction = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2, dockerfile, escapeChar, instruction, instructionRange), this.openingBracket = null, this.closingBracket = null, this.jsonStrings = [];
        let argsContent = this.getRawArgumentsContent();
        if (argsContent === null)
          return;
        let args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
          let argRange = args[0].getRange();
          this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1)), this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
          return;
        } else if (args.length === 2 && args[0].getValue() === "[" && args[1].getValue() === "]") {
          this.openingBracket = args[0], this.closingBracket = args[1];
          return;
        }
        let argsOffset = document.offsetAt(this.getArgumentsRange().start), start = -1, last = "", quoted = !1, escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
          let char = argsContent.charAt(i);
          switch (char) {
            case "[":
              if (last === "")
                this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1))), last = "[";
              else if (quoted)
                escapedArg = escapedArg + char;
              else
                break argsCheck;
              break;
            case '"':
              if (last === "[" || last === ",") {
                start = i, quoted = !0, last = '"', escapedArg = escapedArg + char;
                continue;
              } else if (last === '"')
                if (quoted)
                  escapedArg = escapedArg + char, quoted = !1, this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i)))), escapedArg = "";
                else
                  break argsCheck;
              else
                break argsCheck;
              break;
            case ",":
              if (quoted)
                escapedArg = escapedArg + char;
              else if (last === '"')
                last = ",";
              else
                break argsCheck;
              break;
            case "]":
              if (quoted)
                escapedArg = escapedArg + char;
              else if (last !== "") {
                this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                break argsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            case "\\":
              if (quoted)
                switch (argsContent.charAt(i + 1)) {
                  case '"':
                  case "\\":
                    escapedArg = escapedArg + argsContent.charAt(i + 1), i++;
                    continue;
                  case " ":
                  case "	":
                    escapeCheck: for (let j = i + 2; j < argsContent.length; j++)
                      switch (argsContent.charAt(j)) {
                        case "\r":
                          j++;
                        case `
`:
                          i = j;
                          continue argsCheck;
                        case " ":
                        case "	":
                          break;
                        default:
                          break escapeCheck;
                      }
                    break;
                  case "\r":
                    i++;
                  default:
                    i++;
                    continue;
                }
              else
                escapeCheck: for (let j = i + 1; j < argsContent.length; j++)
                  switch (argsContent.charAt(j)) {
                    case "\r":
                      j++;
                    case `
`:
                      i = j;
                      continue argsCheck;
                    case " ":
                    case "	":
                      break;
                    default:
                      break escapeCheck;
                  }
              break argsCheck;
            default:
              if (!quoted)
                break argsCheck;
              escapedArg = escapedArg + char;
              break;
          }
        }
      }
      stopSearchingForFlags(_value) {
        return !0;
      }
      getOpeningBracket() {
        return this.openingBracket;
      }
      getJSONStrings() {
        return this.jsonStrings;
      }
      getClosingBracket() {
        return this.closingBracket;
      }
    };
    exports.JSONInstruction = JSONInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/add.js
var require_add = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/add.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Add = void 0;
    var jsonInstruction_1 = require_jsonInstruction(), Add = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
    };
    exports.Add = Add;
  }
});

// node_modules/dockerfile-ast/lib/property.js
var require_property = __commonJS({
  "node_modules/dockerfile-ast/lib/property.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Property = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports)), util_1 = require_util(), Property = class _Property {
      constructor(document, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null, this.assignmentOperator = null, this.valueRange = null, this.value = null, this.document = document, this.escapeChar = escapeChar, this.nameRange = _Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        if (this.name = _Property.getValue(value, escapeChar), arg2)
          this.valueRange = arg2.getRange(), value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end)), this.value = _Property.getValue(value, escapeChar), this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        else {
          let argRange = arg.getRange();
          this.nameRange.start.line === argRange.start.line && this.nameRange.start.character === argRange.start.character && this.nameRange.end.line === argRange.end.line && this.nameRange.end.character === argRange.end.character || (this.valueRange = _Property.getValueRange(document, arg), value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end)), this.value = _Property.getValue(value, escapeChar), this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start), this.assignmentOperator = "="), this.range = argRange;
        }
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
      /**
       * Retrieves the operator used for delimiting between the name and
       * value of this property. This will either be the "=" character
       * or null if a character was not used or if this property has no
       * value defined.
       */
      getAssignmentOperator() {
        return this.assignmentOperator;
      }
      getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
      }
      /**
       * Returns the value of this property including any enclosing
       * single or double quotes and relevant escape characters.
       * Escaped newlines and its associated contiguous whitespace
       * characters however will not be returned as they are deemed to
       * be uninteresting to clients trying to return a Dockerfile.
       *
       * @return the unescaped value of this property or null if this
       *         property has no associated value
       */
      getUnescapedValue() {
        if (this.valueRange === null)
          return null;
        let escaped = !1, rawValue = "", value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case this.escapeChar:
              for (let j = i + 1; j < value.length; j++)
                switch (value.charAt(j)) {
                  case "\r":
                    j++;
                  case `
`:
                    escaped = !0, i = j;
                    continue rawLoop;
                  case " ":
                  case "	":
                    break;
                  default:
                    rawValue = rawValue + char;
                    continue rawLoop;
                }
              rawValue = rawValue + char;
              break;
            case "\r":
            case `
`:
              break;
            case " ":
            case "	":
              escaped || (rawValue = rawValue + char);
              break;
            case "#":
              if (escaped)
                for (let j = i + 1; j < value.length; j++)
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case `
`:
                      i = j;
                      continue rawLoop;
                  }
              else
                rawValue = rawValue + char;
              break;
            default:
              rawValue = rawValue + char, escaped = !1;
              break;
          }
        }
        return rawValue;
      }
      static getNameRange(document, arg) {
        let value = arg.getValue(), index = value.indexOf("=");
        if (index !== -1) {
          let initial = value.charAt(0), before = value.charAt(index - 1);
          if (initial === '"' && before === '"' || initial === "'" && before === "'" || initial !== '"' && initial !== "'")
            return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
        }
        return arg.getRange();
      }
      static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf("=") + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
      }
      /**
       * Returns the actual value of this key-value pair. The value will
       * have its escape characters removed if applicable. If the value
       * spans multiple lines and there are comments nested within the
       * lines, they too will be removed.
       *
       * @return the value that this key-value pair will actually be, may
       *         be null if no value is defined, may be the empty string
       *         if the value only consists of whitespace
       */
      static getValue(value, escapeChar) {
        let escaped = !1, skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        skip !== 0 && value.charAt(skip) === "#" && (escaped = !0), value = value.substring(skip);
        let first = value.charAt(0), last = value.charAt(value.length - 1), literal = first === "'" || first === '"', inSingle = first === "'" && last === "'", inDouble = !1;
        if (first === '"')
          for (let i = 1; i < value.length; i++)
            value.charAt(i) === escapeChar ? i++ : value.charAt(i) === '"' && i === value.length - 1 && (inDouble = !0);
        (inSingle || inDouble) && (value = value.substring(1, value.length - 1));
        let commentCheck = -1, escapedValue = "", start = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case escapeChar:
              if (i + 1 === value.length) {
                escapedValue = escapedValue + escapeChar;
                break parseValue;
              }
              if (char = value.charAt(i + 1), char === " " || char === "	")
                whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                  let char2 = value.charAt(j);
                  switch (char2) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                      j++;
                    case `
`:
                      escaped = !0, i = j;
                      continue parseValue;
                    default:
                      if (!inDouble && !inSingle && !literal) {
                        char2 === escapeChar ? (escapedValue = escapedValue + char, i = i + 1) : (escapedValue = escapedValue + char + char2, i = j);
                        continue parseValue;
                      }
                      break whitespaceCheck;
                  }
                }
              if (inDouble) {
                char === "\r" ? (escaped = !0, i = i + 2) : char === `
` ? (escaped = !0, i++) : char !== '"' && (char === escapeChar && i++, escapedValue = escapedValue + escapeChar);
                continue parseValue;
              } else if (inSingle || literal) {
                char === "\r" ? (escaped = !0, i = i + 2) : char === `
` ? (escaped = !0, i++) : escapedValue = escapedValue + escapeChar;
                continue parseValue;
              } else char === escapeChar ? (escapedValue = escapedValue + escapeChar, i++) : char === "\r" ? (escaped = !0, i = i + 2) : char === `
` ? (escaped = !0, i++, start = i) : (escapedValue = escapedValue + char, i++);
              break;
            case " ":
            case "	":
              escaped && commentCheck === -1 && (commentCheck = i), escapedValue = escapedValue + char;
              break;
            case "\r":
              i++;
            case `
`:
              escaped && commentCheck !== -1 && (escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1)), commentCheck = -1);
              break;
            case "#":
              if (escaped) {
                commentCheck !== -1 && (escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck)), commentCheck = -1);
                newlineCheck: for (let j = i + 1; j < value.length; j++)
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case `
`:
                      i = j;
                      break newlineCheck;
                  }
                continue parseValue;
              }
            default:
              escaped && (escaped = !1, commentCheck = -1), escapedValue = escapedValue + char;
              break;
          }
        }
        return escapedValue;
      }
    };
    exports.Property = Property;
  }
});

// node_modules/dockerfile-ast/lib/propertyInstruction.js
var require_propertyInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/propertyInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.PropertyInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports)), instruction_1 = require_instruction(), property_1 = require_property(), argument_1 = require_argument(), util_1 = require_util(), PropertyInstruction = class extends instruction_1.Instruction {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2, dockerfile, escapeChar, instruction, instructionRange), this.properties = void 0;
      }
      getProperties() {
        if (this.properties === void 0) {
          let args = this.getPropertyArguments();
          if (args.length === 0)
            this.properties = [];
          else if (args.length === 1)
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
          else if (args.length === 2)
            args[0].getValue().indexOf("=") === -1 ? this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])] : this.properties = [
              new property_1.Property(this.document, this.escapeChar, args[0]),
              new property_1.Property(this.document, this.escapeChar, args[1])
            ];
          else if (args[0].getValue().indexOf("=") === -1) {
            let text = this.document.getText(), start = args[1].getRange().start, end = args[args.length - 1].getRange().end;
            text = text.substring(this.document.offsetAt(start), this.document.offsetAt(end)), this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
          } else {
            this.properties = [];
            for (let i = 0; i < args.length; i++)
              this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
          }
        }
        return this.properties;
      }
      /**
       * Goes from the back of the string and returns the first
       * non-whitespace character that is found. If an escape character
       * is found with newline characters, the escape character will
       * not be considered a non-whitespace character and its index in
       * the string will not be returned.
       *
       * @param content the string to search through
       * @return the index in the string for the first non-whitespace
       *         character when searching from the end of the string
       */
      findTrailingNonWhitespace(content) {
        let index = content.length;
        whitespaceCheck: for (let i = content.length - 1; i >= 0; i--)
          switch (content.charAt(i)) {
            case " ":
            case "	":
              continue;
            case `
`:
              content.charAt(i - 1) === "\r" && (i = i - 1);
            case "\r":
              newlineCheck: for (let j = i - 1; j >= 0; j--)
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                  case "\r":
                  case `
`:
                  case this.escapeChar:
                    continue;
                  default:
                    index = j;
                    break newlineCheck;
                }
              break whitespaceCheck;
            default:
              index = i;
              break whitespaceCheck;
          }
        return index;
      }
      getPropertyArguments() {
        let args = [], range2 = this.getInstructionRange(), instructionNameEndOffset = this.document.offsetAt(range2.end), extra = instructionNameEndOffset - this.document.offsetAt(range2.start), content = this.getTextContent(), fullArgs = content.substring(extra), start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start === -1)
          return [];
        let startPosition = this.document.positionAt(instructionNameEndOffset + start), escaped = range2.start.line !== startPosition.line, endingEscape = !1, mark = -1, end = this.findTrailingNonWhitespace(fullArgs);
        content = fullArgs.substring(start, end + 1);
        let argStart = escaped ? -1 : 0, spaced = !1;
        argumentLoop: for (let i = 0; i < content.length; i++) {
          let char = content.charAt(i);
          switch (char) {
            case this.escapeChar:
              if (i + 1 === content.length) {
                endingEscape = !0;
                break argumentLoop;
              }
              switch (escaped || (mark = i), content.charAt(i + 1)) {
                case " ":
                case "	":
                  if (!util_1.Util.isWhitespace(content.charAt(i + 2))) {
                    i = i + 1;
                    continue argumentLoop;
                  }
                  whitespaceCheck: for (let j = i + 2; j < content.length; j++)
                    switch (content.charAt(j)) {
                      case "\r":
                        j++;
                      case `
`:
                        escaped = !0, i = j;
                        continue argumentLoop;
                      case " ":
                      case "	":
                        break;
                      default:
                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2)))), argStart = j;
                        break whitespaceCheck;
                    }
                  i = argStart - 1;
                  continue argumentLoop;
                case "\r":
                  i++;
                case `
`:
                  escaped = !0, i = i + 1;
                  continue argumentLoop;
                case this.escapeChar:
                  argStart === -1 && (argStart = i), i = i + 1;
                  continue argumentLoop;
                default:
                  argStart === -1 && (argStart = i);
                  continue argumentLoop;
              }
            case "'":
            case '"':
              spaced && (this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start), argStart = i, spaced = !1), argStart === -1 && (argStart = i);
              for (let j = i + 1; j < content.length; j++)
                switch (content.charAt(j)) {
                  case char:
                    if (content.charAt(j + 1) !== " " && content.charAt(j + 1) !== "") {
                      i = j;
                      continue argumentLoop;
                    }
                    args.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1)))), i = j, argStart = -1;
                    continue argumentLoop;
                  case this.escapeChar:
                    j++;
                    break;
                }
              break argumentLoop;
            case " ":
            case "	":
              escaped ? argStart !== -1 && (spaced = !0) : argStart !== -1 && (args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i)))), argStart = -1);
              break;
            case "\r":
              i++;
            case `
`:
              spaced = !1;
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < content.length; j++)
                  switch (content.charAt(j)) {
                    case "\r":
                      j++;
                    case `
`:
                      i = j, spaced = !1;
                      continue argumentLoop;
                  }
                if (argStart !== -1) {
                  let value = content.substring(argStart, mark);
                  args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark)))), argStart = -1;
                }
                break argumentLoop;
              } else argStart === -1 && (argStart = i);
              break;
            default:
              if (spaced && (this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start), argStart = i, spaced = !1), escaped = !1, argStart === -1 && (argStart = i), char === "$" && content.charAt(i + 1) === "{") {
                let singleQuotes = !1, doubleQuotes = !1, escaped2 = !1;
                for (let j = i + 1; j < content.length; j++)
                  switch (content.charAt(j)) {
                    case this.escapeChar:
                      escaped2 = !0;
                      break;
                    case "\r":
                    case `
`:
                      break;
                    case "'":
                      singleQuotes = !singleQuotes, escaped2 = !1;
                      break;
                    case '"':
                      doubleQuotes = !doubleQuotes, escaped2 = !1;
                      break;
                    case " ":
                    case "	":
                      if (escaped2 || singleQuotes || doubleQuotes)
                        break;
                      i = j - 1;
                      continue argumentLoop;
                    case "}":
                      i = j;
                      continue argumentLoop;
                    default:
                      escaped2 = !1;
                      break;
                  }
                break argumentLoop;
              }
              break;
          }
        }
        if (argStart !== -1 && argStart !== content.length) {
          let end2 = endingEscape ? content.length - 1 : content.length, value = content.substring(argStart, end2);
          args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end2))));
        }
        return args;
      }
      createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start) {
        argStart !== -1 && args.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
      }
    };
    exports.PropertyInstruction = PropertyInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/arg.js
var require_arg = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/arg.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Arg = void 0;
    var property_1 = require_property(), propertyInstruction_1 = require_propertyInstruction(), Arg2 = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2, dockerfile, escapeChar, instruction, instructionRange), this.property = null;
        let args = this.getPropertyArguments();
        args.length === 1 ? this.property = new property_1.Property(this.document, this.escapeChar, args[0]) : this.property = null;
      }
      /**
       * Returns the variable defined by this ARG. This may be null if
       * this ARG instruction is malformed and has no variable
       * declaration.
       */
      getProperty() {
        return this.property;
      }
    };
    exports.Arg = Arg2;
  }
});

// node_modules/dockerfile-ast/lib/instructions/cmd.js
var require_cmd = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/cmd.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Cmd = void 0;
    var jsonInstruction_1 = require_jsonInstruction(), Cmd = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Cmd = Cmd;
  }
});

// node_modules/dockerfile-ast/lib/instructions/copy.js
var require_copy = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/copy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Copy = void 0;
    var jsonInstruction_1 = require_jsonInstruction(), Copy = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Copy = Copy;
  }
});

// node_modules/dockerfile-ast/lib/instructions/env.js
var require_env = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/env.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Env = void 0;
    var propertyInstruction_1 = require_propertyInstruction(), Env = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2, dockerfile, escapeChar, instruction, instructionRange);
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Env = Env;
  }
});

// node_modules/dockerfile-ast/lib/instructions/entrypoint.js
var require_entrypoint = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/entrypoint.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Entrypoint = void 0;
    var jsonInstruction_1 = require_jsonInstruction(), Entrypoint = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Entrypoint = Entrypoint;
  }
});

// node_modules/dockerfile-ast/lib/instructions/from.js
var require_from = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/from.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.From = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports)), modifiableInstruction_1 = require_modifiableInstruction(), From2 = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getImage() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
      }
      /**
       * Returns the name of the image that will be used as the base image.
       *
       * @return the base image's name, or null if unspecified
       */
      getImageName() {
        let imageName2 = this.getRangeContent(this.getImageNameRange());
        if (imageName2 === null)
          return null;
        let commented = !1, escaped = !1, name = "";
        for (let i = 0; i < imageName2.length; i++) {
          let ch = imageName2.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaped = !0;
              break;
            case "\r":
              continue;
            case `
`:
              commented = !1;
              break;
            case " ":
            case "	":
              break;
            case "#":
              escaped ? commented = !0 : (name = name + ch, escaped = !1);
              break;
            default:
              commented || (name = name + ch, escaped = !1);
              break;
          }
        }
        return name;
      }
      /**
       * Returns the range that covers the name of the image used by
       * this instruction.
       *
       * @return the range of the name of this instruction's argument,
       *         or null if no image has been specified
       */
      getImageNameRange() {
        let range2 = this.getImageRange();
        if (range2) {
          let registryRange = this.getRegistryRange();
          registryRange && (range2.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1));
          let tagRange = this.getImageTagRange(), digestRange = this.getImageDigestRange();
          return tagRange === null ? digestRange !== null && (range2.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1)) : range2.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1), range2;
        }
        return null;
      }
      /**
       * Returns the range that covers the image argument of this
       * instruction. This includes the tag or digest of the image if
       * it has been specified by the instruction.
       *
       * @return the range of the image argument, or null if no image
       *         has been specified
       */
      getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
      }
      getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
      }
      /**
       * Returns the range in the document that the tag of the base
       * image encompasses.
       *
       * @return the base image's tag's range in the document, or null
       *         if no tag has been specified
       */
      getImageTagRange() {
        let range2 = this.getImageRange();
        if (range2) {
          let rangeStartOffset = this.document.offsetAt(range2.start), content = this.getRangeContent(range2), atIndex = this.indexOf(rangeStartOffset, content, "@"), slashIndex = content.indexOf("/");
          if (atIndex === -1) {
            let colonIndex = this.lastIndexOf(rangeStartOffset, content, ":");
            if (colonIndex > slashIndex)
              return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range2.end);
          }
          let subcontent = content.substring(0, atIndex), subcolonIndex = subcontent.indexOf(":");
          return subcolonIndex === -1 ? null : slashIndex === -1 ? vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex)) : subcolonIndex < slashIndex ? null : vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
      }
      getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
      }
      /**
       * Returns the range in the document that the digest of the base
       * image encompasses.
       *
       * @return the base image's digest's range in the document, or null
       *         if no digest has been specified
       */
      getImageDigestRange() {
        let range2 = this.getImageRange();
        if (range2) {
          let content = this.getRangeContent(range2), index = this.lastIndexOf(this.document.offsetAt(range2.start), content, "@");
          if (index !== -1)
            return vscode_languageserver_types_1.Range.create(range2.start.line, range2.start.character + index + 1, range2.end.line, range2.end.character);
        }
        return null;
      }
      indexOf(documentOffset, content, searchString) {
        let index = content.indexOf(searchString), variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          let position = documentOffset + index, variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            let offset = this.document.offsetAt(variableRange.end) - documentOffset, subIndex = content.substring(offset).indexOf(searchString);
            if (subIndex === -1)
              return -1;
            index = subIndex + offset, i = -1;
            continue;
          }
        }
        return index;
      }
      lastIndexOf(documentOffset, content, searchString) {
        let index = content.lastIndexOf(searchString), variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          let position = documentOffset + index, variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            if (index = content.substring(0, index).lastIndexOf(searchString), index === -1)
              return -1;
            i = -1;
            continue;
          }
        }
        return index;
      }
      getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
      }
      getRegistryRange() {
        let range2 = this.getImageRange();
        if (range2) {
          let tagRange = this.getImageTagRange(), digestRange = this.getImageDigestRange();
          tagRange === null ? digestRange !== null && (range2.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1)) : range2.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          let content = this.getRangeContent(range2), rangeStart = this.document.offsetAt(range2.start), startingSlashIndex = this.indexOf(rangeStart, content, "/");
          if (startingSlashIndex === -1)
            return null;
          let portIndex = this.indexOf(rangeStart, content, ":"), dotIndex = this.indexOf(rangeStart, content, ".");
          if (portIndex !== -1 || dotIndex !== -1)
            return vscode_languageserver_types_1.Range.create(range2.start, this.document.positionAt(rangeStart + startingSlashIndex));
          if (content.substring(0, startingSlashIndex) === "localhost")
            return vscode_languageserver_types_1.Range.create(range2.start, this.document.positionAt(rangeStart + startingSlashIndex));
        }
        return null;
      }
      getBuildStage() {
        let range2 = this.getBuildStageRange();
        return range2 === null ? null : this.getRangeContent(range2);
      }
      getBuildStageRange() {
        let args = this.getArguments();
        return args.length > 2 && args[1].getValue().toUpperCase() === "AS" ? args[2].getRange() : null;
      }
      getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
      }
    };
    exports.From = From2;
  }
});

// node_modules/dockerfile-ast/lib/instructions/healthcheck.js
var require_healthcheck = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/healthcheck.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Healthcheck = void 0;
    var modifiableInstruction_1 = require_modifiableInstruction(), Healthcheck = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument = argument.toUpperCase(), argument === "CMD" || argument === "NONE";
      }
      getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
      }
    };
    exports.Healthcheck = Healthcheck;
  }
});

// node_modules/dockerfile-ast/lib/instructions/label.js
var require_label = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/label.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Label = void 0;
    var propertyInstruction_1 = require_propertyInstruction(), util_1 = require_util(), Label = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2, dockerfile, escapeChar, instruction, instructionRange);
      }
      getVariables() {
        let variables = super.getVariables(), properties = this.getProperties();
        for (let property of properties) {
          let value = property.getUnescapedValue();
          if (value !== null && value.length > 2 && value.charAt(0) === "'" && value.charAt(value.length - 1) === "'") {
            let range2 = property.getValueRange();
            for (let i = 0; i < variables.length; i++)
              util_1.Util.isInsideRange(variables[i].getRange().start, range2) && (variables.splice(i, 1), i--);
          }
        }
        return variables;
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Label = Label;
  }
});

// node_modules/dockerfile-ast/lib/instructions/onbuild.js
var require_onbuild = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/onbuild.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Onbuild = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports)), parser_1 = require_parser(), instruction_1 = require_instruction(), Onbuild = class extends instruction_1.Instruction {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2, dockerfile, escapeChar, instruction, instructionRange);
      }
      getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
      }
      getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
      }
      getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
      }
      getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null)
          return null;
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
      }
    };
    exports.Onbuild = Onbuild;
  }
});

// node_modules/dockerfile-ast/lib/instructions/run.js
var require_run = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/run.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Run = void 0;
    var jsonInstruction_1 = require_jsonInstruction(), Run = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Run = Run;
  }
});

// node_modules/dockerfile-ast/lib/instructions/shell.js
var require_shell = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/shell.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Shell = void 0;
    var jsonInstruction_1 = require_jsonInstruction(), Shell = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Shell = Shell;
  }
});

// node_modules/dockerfile-ast/lib/instructions/stopsignal.js
var require_stopsignal = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/stopsignal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Stopsignal = void 0;
    var instruction_1 = require_instruction(), Stopsignal = class extends instruction_1.Instruction {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Stopsignal = Stopsignal;
  }
});

// node_modules/dockerfile-ast/lib/instructions/workdir.js
var require_workdir = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/workdir.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Workdir = void 0;
    var instruction_1 = require_instruction(), Workdir = class extends instruction_1.Instruction {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2, dockerfile, escapeChar, instruction, instructionRange);
      }
      /**
       * Returns the path that has been defined. Note that this path may
       * be absolute or relative depending on what was written in the
       * instruction.
       *
       * @return the working directory's path, or null if this
       *         instruction has no arguments
       */
      getPath() {
        return this.getArgumentsContent();
      }
      /**
       * Returns the absolute path that this instruction resolves to. The
       * function will inspect prior WORKDIR instructions in the current
       * image or another build stage in the Dockerfile to try to
       * determine this.
       *
       * @return the absolute path of the working directory, or null if
       *         this instruction has no arguments, or undefined if it
       *         cannot be determined because only relative paths could be
       *         found
       */
      getAbsolutePath() {
        let path = this.getPath();
        if (path === null || path.startsWith("/"))
          return path;
        let startLine = this.getRange().start.line, hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
          let workdirs = hierarchy[i].getWORKDIRs();
          for (let j = workdirs.length - 1; j >= 0; j--)
            if (workdirs[j].getRange().start.line < startLine) {
              let parent = workdirs[j].getAbsolutePath();
              return parent == null ? void 0 : parent.endsWith("/") ? parent + path : parent + "/" + path;
            }
        }
      }
    };
    exports.Workdir = Workdir;
  }
});

// node_modules/dockerfile-ast/lib/instructions/user.js
var require_user = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/user.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.User = void 0;
    var instruction_1 = require_instruction(), User = class extends instruction_1.Instruction {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.User = User;
  }
});

// node_modules/dockerfile-ast/lib/instructions/volume.js
var require_volume = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/volume.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Volume = void 0;
    var jsonInstruction_1 = require_jsonInstruction(), Volume = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range2, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range2, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Volume = Volume;
  }
});

// node_modules/dockerfile-ast/lib/imageTemplate.js
var require_imageTemplate = __commonJS({
  "node_modules/dockerfile-ast/lib/imageTemplate.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.ImageTemplate = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports)), arg_1 = require_arg(), cmd_1 = require_cmd(), copy_1 = require_copy(), env_1 = require_env(), entrypoint_1 = require_entrypoint(), from_1 = require_from(), healthcheck_1 = require_healthcheck(), onbuild_1 = require_onbuild(), util_1 = require_util(), workdir_1 = require_workdir(), ImageTemplate = class {
      constructor() {
        this.comments = [], this.instructions = [];
      }
      addComment(comment) {
        this.comments.push(comment);
      }
      getComments() {
        return this.comments;
      }
      addInstruction(instruction) {
        this.instructions.push(instruction);
      }
      getInstructions() {
        return this.instructions;
      }
      getInstructionAt(line) {
        for (let instruction of this.instructions)
          if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange()))
            return instruction;
        return null;
      }
      /**
       * Gets all the ARG instructions that are defined in this image.
       */
      getARGs() {
        let args = [];
        for (let instruction of this.instructions)
          instruction instanceof arg_1.Arg && args.push(instruction);
        return args;
      }
      /**
       * Gets all the CMD instructions that are defined in this image.
       */
      getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions)
          instruction instanceof cmd_1.Cmd && cmds.push(instruction);
        return cmds;
      }
      /**
       * Gets all the COPY instructions that are defined in this image.
       */
      getCOPYs() {
        let copies = [];
        for (let instruction of this.instructions)
          instruction instanceof copy_1.Copy && copies.push(instruction);
        return copies;
      }
      /**
       * Gets all the ENTRYPOINT instructions that are defined in this image.
       */
      getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions)
          instruction instanceof entrypoint_1.Entrypoint && froms.push(instruction);
        return froms;
      }
      /**
       * Gets all the ENV instructions that are defined in this image.
       */
      getENVs() {
        let args = [];
        for (let instruction of this.instructions)
          instruction instanceof env_1.Env && args.push(instruction);
        return args;
      }
      getFROM() {
        for (let instruction of this.instructions)
          if (instruction instanceof from_1.From)
            return instruction;
        return null;
      }
      /**
       * Gets all the FROM instructions that are defined in this image.
       */
      getFROMs() {
        let froms = [];
        for (let instruction of this.instructions)
          instruction instanceof from_1.From && froms.push(instruction);
        return froms;
      }
      /**
       * Gets all the HEALTHCHECK instructions that are defined in this image.
       */
      getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions)
          instruction instanceof healthcheck_1.Healthcheck && froms.push(instruction);
        return froms;
      }
      getWORKDIRs() {
        let workdirs = [];
        for (let instruction of this.instructions)
          instruction instanceof workdir_1.Workdir && workdirs.push(instruction);
        return workdirs;
      }
      getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions)
          if (instruction instanceof onbuild_1.Onbuild) {
            let trigger = instruction.getTriggerInstruction();
            trigger && triggers.push(trigger);
          }
        return triggers;
      }
      getAvailableVariables(currentLine) {
        let variables = [];
        for (let arg of this.getARGs())
          if (arg.isBefore(currentLine)) {
            let property = arg.getProperty();
            if (property) {
              let variable = property.getName();
              variables.indexOf(variable) === -1 && variables.push(variable);
            }
          }
        for (let env of this.getENVs())
          if (env.isBefore(currentLine))
            for (let property of env.getProperties()) {
              let variable = property.getName();
              variables.indexOf(variable) === -1 && variables.push(variable);
            }
        return variables;
      }
      /**
       * Resolves a variable with the given name at the specified line
       * to its value. If null is returned, then the variable has been
       * defined but no value was given. If undefined is returned, then
       * a variable with the given name has not been defined yet as of
       * the given line.
       *
       * @param variable the name of the variable to resolve
       * @param line the line number that the variable is on, zero-based
       * @return the value of the variable as defined by an ARG or ENV
       *         instruction, or null if no value has been specified, or
       *         undefined if a variable with the given name has not
       *         been defined
       */
      resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--)
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties())
              if (property.getName() === variable)
                return property.getValue();
          }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--)
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable)
              return property.getValue();
          }
      }
      getRange() {
        let instructions = this.getInstructions();
        if (instructions.length === 0)
          return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        let instructionStart = instructions[0].getRange().start, instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
      }
      contains(position) {
        let range2 = this.getRange();
        return range2 === null ? !1 : util_1.Util.isInsideRange(position, range2);
      }
    };
    exports.ImageTemplate = ImageTemplate;
  }
});

// node_modules/dockerfile-ast/lib/dockerfile.js
var require_dockerfile = __commonJS({
  "node_modules/dockerfile-ast/lib/dockerfile.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Dockerfile = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports)), ast = require_main(), imageTemplate_1 = require_imageTemplate(), from_1 = require_from(), util_1 = require_util(), main_1 = require_main(), Dockerfile = class extends imageTemplate_1.ImageTemplate {
      constructor(document) {
        super(), this.initialInstructions = new imageTemplate_1.ImageTemplate(), this.buildStages = [], this.directives = [], this.foundFrom = !1, this.document = document;
      }
      getEscapeCharacter() {
        for (let directive of this.directives)
          if (directive.getDirective() === ast.Directive.escape) {
            let value = directive.getValue();
            if (value === "\\" || value === "`")
              return value;
          }
        return "\\";
      }
      getInitialARGs() {
        return this.initialInstructions.getARGs();
      }
      getContainingImage(position) {
        let range2 = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range2))
          return null;
        if ((this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) && util_1.Util.isInsideRange(position, this.initialInstructions.getRange()))
          return this.initialInstructions;
        for (let buildStage of this.buildStages)
          if (util_1.Util.isInsideRange(position, buildStage.getRange()))
            return buildStage;
        return this;
      }
      addInstruction(instruction) {
        instruction.getKeyword() === main_1.Keyword.FROM ? (this.currentBuildStage = new imageTemplate_1.ImageTemplate(), this.buildStages.push(this.currentBuildStage), this.foundFrom = !0) : this.foundFrom || this.initialInstructions.addInstruction(instruction), this.foundFrom && this.currentBuildStage.addInstruction(instruction), super.addInstruction(instruction);
      }
      setDirectives(directives) {
        this.directives = directives;
      }
      getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
      }
      getDirectives() {
        return this.directives;
      }
      resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
          let range2 = from.getRange();
          if (range2.start.line <= line && line <= range2.end.line) {
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs())
              initialARGs.addInstruction(instruction);
            return initialARGs.resolveVariable(variable, line);
          }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null)
          return;
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
          let initialARGs = new imageTemplate_1.ImageTemplate();
          for (let instruction of this.initialInstructions.getARGs())
            initialARGs.addInstruction(instruction);
          return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
      }
      getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
          let variables = [];
          for (let arg of this.getInitialARGs()) {
            let property = arg.getProperty();
            property && variables.push(property.getName());
          }
          return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
      }
      getParentStage(image) {
        let templateFrom = image.getFROM(), imageName2 = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName2 === null)
          return null;
        for (let from of this.getFROMs())
          if (from.getBuildStage() === imageName2) {
            let range2 = from.getRange();
            return range2.start.line === templateFrom.getRange().start.line ? null : this.getContainingImage(range2.start);
          }
        return null;
      }
      getStageHierarchy(line) {
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null)
          return [];
        let stages = [image], stage = this.getParentStage(image);
        for (; stage !== null; )
          stages.splice(0, 0, stage), stage = this.getParentStage(stage);
        return stages;
      }
      getAvailableWorkingDirectories(line) {
        let availableDirectories = /* @__PURE__ */ new Set();
        for (let image of this.getStageHierarchy(line))
          for (let workdir of image.getWORKDIRs())
            if (workdir.getRange().end.line < line) {
              let directory = workdir.getAbsolutePath();
              directory != null && (directory.endsWith("/") || (directory += "/"), availableDirectories.add(directory));
            }
        return Array.from(availableDirectories);
      }
      /**
       * Internally reorganize the comments in the Dockerfile and allocate
       * them to the relevant build stages that they belong to.
       */
      organizeComments() {
        let comments = this.getComments();
        for (let i = 0; i < comments.length; i++)
          if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange()))
            this.initialInstructions.addComment(comments[i]);
          else
            for (let buildStage of this.buildStages)
              util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange()) && buildStage.addComment(comments[i]);
      }
      getRange() {
        let comments = this.getComments(), instructions = this.getInstructions(), range2 = null;
        if (comments.length === 0)
          instructions.length > 0 && (range2 = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end));
        else if (instructions.length === 0)
          range2 = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        else {
          let commentStart = comments[0].getRange().start, commentEnd = comments[comments.length - 1].getRange().end, instructionStart = instructions[0].getRange().start, instructionEnd = instructions[instructions.length - 1].getRange().end;
          commentStart.line < instructionStart.line ? (commentEnd.line < instructionEnd.line && (range2 = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd)), range2 = vscode_languageserver_types_1.Range.create(commentStart, commentEnd)) : commentEnd.line < instructionEnd.line ? range2 = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd) : range2 = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
        }
        return range2 === null ? this.directives.length === 0 ? null : this.directives[0].getRange() : this.directives.length === 0 ? range2 : vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range2.end);
      }
    };
    exports.Dockerfile = Dockerfile;
  }
});

// node_modules/dockerfile-ast/lib/parser.js
var require_parser = __commonJS({
  "node_modules/dockerfile-ast/lib/parser.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.Parser = void 0;
    var vscode_languageserver_textdocument_1 = (init_main2(), __toCommonJS(main_exports2)), vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports)), comment_1 = require_comment(), parserDirective_1 = require_parserDirective(), instruction_1 = require_instruction(), add_1 = require_add(), arg_1 = require_arg(), cmd_1 = require_cmd(), copy_1 = require_copy(), env_1 = require_env(), entrypoint_1 = require_entrypoint(), from_1 = require_from(), healthcheck_1 = require_healthcheck(), label_1 = require_label(), onbuild_1 = require_onbuild(), run_1 = require_run(), shell_1 = require_shell(), stopsignal_1 = require_stopsignal(), workdir_1 = require_workdir(), user_1 = require_user(), volume_1 = require_volume(), dockerfile_1 = require_dockerfile(), util_1 = require_util(), main_1 = require_main(), Parser = class _Parser {
      constructor() {
        this.escapeChar = null;
      }
      static createInstruction(document, dockerfile, escapeChar, lineRange, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
          case "ADD":
            return new add_1.Add(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ARG":
            return new arg_1.Arg(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "CMD":
            return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "COPY":
            return new copy_1.Copy(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ENTRYPOINT":
            return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ENV":
            return new env_1.Env(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "FROM":
            return new from_1.From(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "HEALTHCHECK":
            return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "LABEL":
            return new label_1.Label(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ONBUILD":
            return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "RUN":
            return new run_1.Run(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "SHELL":
            return new shell_1.Shell(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "STOPSIGNAL":
            return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "WORKDIR":
            return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "USER":
            return new user_1.User(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "VOLUME":
            return new volume_1.Volume(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
      }
      getParserDirectives(document, buffer) {
        let directives = [];
        this.escapeChar = "";
        let offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++)
          switch (buffer.charAt(i)) {
            case " ":
            case "	":
              break;
            case "\r":
            case `
`:
              break directiveCheck;
            case "#":
              let directiveStart = -1, directiveEnd = -1;
              for (let j = i + 1; j < buffer.length; j++) {
                let char = buffer.charAt(j);
                switch (char) {
                  case " ":
                  case "	":
                    directiveStart !== -1 && directiveEnd === -1 && (directiveEnd = j);
                    break;
                  case "\r":
                  case `
`:
                    break directiveCheck;
                  case "=":
                    let valueStart = -1, valueEnd = -1;
                    directiveEnd === -1 && (directiveEnd = j);
                    let lineEnd = buffer.length;
                    directiveValue: for (let k = j + 1; k < buffer.length; k++)
                      switch (char = buffer.charAt(k), char) {
                        case "\r":
                        case `
`:
                          valueStart !== -1 && valueEnd === -1 && (valueEnd = k), lineEnd = k;
                          break directiveValue;
                        case "	":
                        case " ":
                          valueStart !== -1 && valueEnd === -1 && (valueEnd = k);
                          continue;
                        default:
                          valueStart === -1 && (valueStart = k);
                          break;
                      }
                    if (directiveStart === -1)
                      break directiveCheck;
                    valueStart === -1 ? (valueStart = j + 1, valueEnd = lineEnd) : valueEnd === -1 && (valueEnd = buffer.length);
                    let lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd)), nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd)), valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                    directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange)), directiveStart = -1, buffer.charAt(valueEnd) === "\r" ? i = valueEnd + 1 : i = valueEnd;
                    continue directiveCheck;
                  default:
                    directiveStart === -1 && (directiveStart = j);
                    break;
                }
              }
              break;
            default:
              break directiveCheck;
          }
        return directives;
      }
      parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer), this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document), directives = this.getParserDirectives(this.document, this.buffer), offset = 0;
        this.escapeChar = "\\", directives.length > 0 ? (dockerfile.setDirectives(directives), this.escapeChar = dockerfile.getEscapeCharacter(), offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0))) : util_1.Util.isUTF8BOM(buffer.substring(0, 1)) && (offset = 1);
        for (let i = offset; i < this.buffer.length; i++) {
          let char = this.buffer.charAt(i);
          switch (char) {
            case " ":
            case "	":
            case "\r":
            case `
`:
              break;
            case "#":
              i = this.processComment(dockerfile, i);
              break;
            default:
              i = this.processInstruction(dockerfile, char, i);
              break;
          }
        }
        return dockerfile.organizeComments(), dockerfile;
      }
      processInstruction(dockerfile, char, start) {
        let instruction = char, instructionEnd = -1, escapedInstruction = !1;
        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++)
          switch (char = this.buffer.charAt(i), char) {
            case this.escapeChar:
              if (escapedInstruction = !0, char = this.buffer.charAt(i + 1), char === "\r" || char === `
`)
                instructionEnd === -1 && (instructionEnd = i), i++;
              else if (char === " " || char === "	") {
                for (let j = i + 2; j < this.buffer.length; j++)
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case `
`:
                      i = j;
                      continue instructionCheck;
                    default:
                      instructionEnd = i + 1, instruction = instruction + this.escapeChar, i = j - 2;
                      continue instructionCheck;
                  }
                instructionEnd = i + 1, instruction = instruction + this.escapeChar;
                break instructionCheck;
              } else
                instructionEnd = i + 1, instruction = instruction + this.escapeChar, escapedInstruction = !1;
              break;
            case " ":
            case "	":
              if (escapedInstruction) {
                escapeCheck: for (let j = i + 1; j < this.buffer.length; j++)
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case `
`:
                      i = j;
                      continue instructionCheck;
                    default:
                      break escapeCheck;
                  }
                escapedInstruction = !1;
              }
              return instructionEnd === -1 && (instructionEnd = i), i = this.processArguments(dockerfile, instruction, instructionEnd, start, i), dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, i)), i;
            case "\r":
            case `
`:
              if (escapedInstruction)
                continue;
              return instructionEnd === -1 && (instructionEnd = i), dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, i, i)), i;
            case "#":
              if (escapedInstruction)
                continue;
            default:
              instructionEnd = i + 1, instruction = instruction + char, escapedInstruction = !1;
              break;
          }
        return instructionEnd === -1 && (instructionEnd = this.buffer.length), dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, this.buffer.length)), this.buffer.length;
      }
      processHeredocs(instruction, offset) {
        let keyword = instruction.getKeyword();
        if (keyword === main_1.Keyword.ONBUILD) {
          if (instruction = instruction.getTriggerInstruction(), instruction === null)
            return offset;
          keyword = instruction.getKeyword();
        }
        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN)
          return offset;
        let heredocs = [], tabbed = !1;
        for (let arg of instruction.getArguments()) {
          let value = arg.getValue();
          if (value.startsWith("<<") && value.length > 2) {
            value.startsWith("<<-") && (tabbed = !0);
            let name = util_1.Util.parseHeredocName(value);
            name !== null && heredocs.push(name);
          }
        }
        if (heredocs.length > 0)
          for (let heredoc of heredocs)
            offset = this.parseHeredoc(heredoc, offset, tabbed);
        return offset;
      }
      processArguments(dockerfile, instruction, instructionEnd, start, offset) {
        let escaped = !1;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++)
          switch (this.buffer.charAt(i)) {
            case "\r":
            case `
`:
              if (escaped)
                continue;
              return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
            case this.escapeChar:
              let next = this.buffer.charAt(i + 1);
              if (next === `
` || next === "\r")
                escaped = !0, i++;
              else if (next === " " || next === "	") {
                for (let j = i + 2; j < this.buffer.length; j++)
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case `
`:
                      escaped = !0;
                    default:
                      i = j;
                      continue argumentsCheck;
                  }
                return this.buffer.length;
              }
              continue;
            case "#":
              if (escaped) {
                i = this.processComment(dockerfile, i);
                continue argumentsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            default:
              escaped && (escaped = !1);
              break;
          }
        return this.buffer.length;
      }
      processComment(dockerfile, start) {
        let end = this.buffer.length;
        commentLoop: for (let i = start + 1; i < this.buffer.length; i++)
          switch (this.buffer.charAt(i)) {
            case "\r":
            case `
`:
              end = i;
              break commentLoop;
          }
        let range2 = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
        return dockerfile.addComment(new comment_1.Comment(this.document, range2)), end;
      }
      parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1, lineStart = !0;
        for (let i = offset; i < this.buffer.length; i++)
          switch (this.buffer.charAt(i)) {
            case " ":
              lineStart = !1;
              break;
            case "	":
              tabbed || (lineStart = !1);
              break;
            case "\r":
            case `
`:
              if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i))
                return i;
              startWord = -1, lineStart = !0;
              break;
            default:
              lineStart && (startWord = i, lineStart = !1);
              break;
          }
        return this.buffer.length;
      }
      createInstruction(dockerfile, instruction, start, instructionEnd, end) {
        let startPosition = this.document.positionAt(start), instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd)), lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return _Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/dockerfile-ast/lib/main.js
var require_main = __commonJS({
  "node_modules/dockerfile-ast/lib/main.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: !0 });
    exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
    var argument_1 = require_argument();
    Object.defineProperty(exports, "Argument", { enumerable: !0, get: function() {
      return argument_1.Argument;
    } });
    var jsonArgument_1 = require_jsonArgument();
    Object.defineProperty(exports, "JSONArgument", { enumerable: !0, get: function() {
      return jsonArgument_1.JSONArgument;
    } });
    var comment_1 = require_comment();
    Object.defineProperty(exports, "Comment", { enumerable: !0, get: function() {
      return comment_1.Comment;
    } });
    var parser_1 = require_parser(), flag_1 = require_flag();
    Object.defineProperty(exports, "Flag", { enumerable: !0, get: function() {
      return flag_1.Flag;
    } });
    var instruction_1 = require_instruction();
    Object.defineProperty(exports, "Instruction", { enumerable: !0, get: function() {
      return instruction_1.Instruction;
    } });
    var line_1 = require_line();
    Object.defineProperty(exports, "Line", { enumerable: !0, get: function() {
      return line_1.Line;
    } });
    var parserDirective_1 = require_parserDirective();
    Object.defineProperty(exports, "ParserDirective", { enumerable: !0, get: function() {
      return parserDirective_1.ParserDirective;
    } });
    var property_1 = require_property();
    Object.defineProperty(exports, "Property", { enumerable: !0, get: function() {
      return property_1.Property;
    } });
    var variable_1 = require_variable();
    Object.defineProperty(exports, "Variable", { enumerable: !0, get: function() {
      return variable_1.Variable;
    } });
    var add_1 = require_add();
    Object.defineProperty(exports, "Add", { enumerable: !0, get: function() {
      return add_1.Add;
    } });
    var arg_1 = require_arg();
    Object.defineProperty(exports, "Arg", { enumerable: !0, get: function() {
      return arg_1.Arg;
    } });
    var cmd_1 = require_cmd();
    Object.defineProperty(exports, "Cmd", { enumerable: !0, get: function() {
      return cmd_1.Cmd;
    } });
    var copy_1 = require_copy();
    Object.defineProperty(exports, "Copy", { enumerable: !0, get: function() {
      return copy_1.Copy;
    } });
    var entrypoint_1 = require_entrypoint();
    Object.defineProperty(exports, "Entrypoint", { enumerable: !0, get: function() {
      return entrypoint_1.Entrypoint;
    } });
    var env_1 = require_env();
    Object.defineProperty(exports, "Env", { enumerable: !0, get: function() {
      return env_1.Env;
    } });
    var from_1 = require_from();
    Object.defineProperty(exports, "From", { enumerable: !0, get: function() {
      return from_1.From;
    } });
    var healthcheck_1 = require_healthcheck();
    Object.defineProperty(exports, "Healthcheck", { enumerable: !0, get: function() {
      return healthcheck_1.Healthcheck;
    } });
    var heredoc_1 = require_heredoc();
    Object.defineProperty(exports, "Heredoc", { enumerable: !0, get: function() {
      return heredoc_1.Heredoc;
    } });
    var jsonInstruction_1 = require_jsonInstruction();
    Object.defineProperty(exports, "JSONInstruction", { enumerable: !0, get: function() {
      return jsonInstruction_1.JSONInstruction;
    } });
    var label_1 = require_label();
    Object.defineProperty(exports, "Label", { enumerable: !0, get: function() {
      return label_1.Label;
    } });
    var modifiableInstruction_1 = require_modifiableInstruction();
    Object.defineProperty(exports, "ModifiableInstruction", { enumerable: !0, get: function() {
      return modifiableInstruction_1.ModifiableInstruction;
    } });
    var onbuild_1 = require_onbuild();
    Object.defineProperty(exports, "Onbuild", { enumerable: !0, get: function() {
      return onbuild_1.Onbuild;
    } });
    var propertyInstruction_1 = require_propertyInstruction();
    Object.defineProperty(exports, "PropertyInstruction", { enumerable: !0, get: function() {
      return propertyInstruction_1.PropertyInstruction;
    } });
    var run_1 = require_run();
    Object.defineProperty(exports, "Run", { enumerable: !0, get: function() {
      return run_1.Run;
    } });
    var shell_1 = require_shell();
    Object.defineProperty(exports, "Shell", { enumerable: !0, get: function() {
      return shell_1.Shell;
    } });
    var stopsignal_1 = require_stopsignal();
    Object.defineProperty(exports, "Stopsignal", { enumerable: !0, get: function() {
      return stopsignal_1.Stopsignal;
    } });
    var user_1 = require_user();
    Object.defineProperty(exports, "User", { enumerable: !0, get: function() {
      return user_1.User;
    } });
    var volume_1 = require_volume();
    Object.defineProperty(exports, "Volume", { enumerable: !0, get: function() {
      return volume_1.Volume;
    } });
    var workdir_1 = require_workdir();
    Object.defineProperty(exports, "Workdir", { enumerable: !0, get: function() {
      return workdir_1.Workdir;
    } });
    var Keyword;
    (function(Keyword2) {
      Keyword2.ADD = "ADD", Keyword2.ARG = "ARG", Keyword2.CMD = "CMD", Keyword2.COPY = "COPY", Keyword2.ENTRYPOINT = "ENTRYPOINT", Keyword2.ENV = "ENV", Keyword2.EXPOSE = "EXPOSE", Keyword2.FROM = "FROM", Keyword2.HEALTHCHECK = "HEALTHCHECK", Keyword2.LABEL = "LABEL", Keyword2.MAINTAINER = "MAINTAINER", Keyword2.ONBUILD = "ONBUILD", Keyword2.RUN = "RUN", Keyword2.SHELL = "SHELL", Keyword2.STOPSIGNAL = "STOPSIGNAL", Keyword2.USER = "USER", Keyword2.VOLUME = "VOLUME", Keyword2.WORKDIR = "WORKDIR";
    })(Keyword || (exports.Keyword = Keyword = {}));
    var Directive;
    (function(Directive2) {
      Directive2.escape = "escape", Directive2.syntax = "syntax";
    })(Directive || (exports.Directive = Directive = {}));
    exports.DefaultVariables = [
      "ALL_PROXY",
      "all_proxy",
      "FTP_PROXY",
      "ftp_proxy",
      "HTTP_PROXY",
      "http_proxy",
      "HTTPS_PROXY",
      "https_proxy",
      "NO_PROXY",
      "no_proxy"
    ];
    var DockerfileParser2;
    (function(DockerfileParser3) {
      function parse(content) {
        return new parser_1.Parser().parse(content);
      }
      DockerfileParser3.parse = parse;
    })(DockerfileParser2 || (exports.DockerfileParser = DockerfileParser2 = {}));
  }
});

// src/build/index.ts
var build_exports = {};
__export(build_exports, {
  AUTOMATIC_BUILD_ARGS: () => AUTOMATIC_BUILD_ARGS,
  BUILD_INPUT_NAMES: () => BUILD_INPUT_NAMES,
  BuildFailedError: () => BuildFailedError,
  BuilderUnavailableError: () => BuilderUnavailableError,
  buildImage: () => buildImage,
  cacheHitRate: () => cacheHitRate,
  defaultBuildInputs: () => defaultBuildInputs,
  defaultProvenance: () => defaultProvenance,
  detectBuilder: () => detectBuilder,
  diskFiles: () => diskFiles,
  ensureRemoteBuilder: () => ensureRemoteBuilder,
  mergeSteps: () => mergeSteps,
  parseDockerfile: () => parseDockerfile,
  parseListInput: () => parseListInput,
  parsePlainProgress: () => parsePlainProgress,
  planBuild: () => planBuild,
  planCache: () => planCache,
  pushCacheImages: () => pushCacheImages,
  readBuildInputs: () => readBuildInputs,
  runBuild: () => runBuild,
  selectAutomaticBuildArgs: () => selectAutomaticBuildArgs,
  stageDependencies: () => stageDependencies,
  stagesNeedingCacheImages: () => stagesNeedingCacheImages,
  validateBuild: () => validateBuild
});

// src/build/automatic-args.ts
var AUTOMATIC_BUILD_ARGS = ["VERSION", "ENVIRONMENT", "GIT_COMMIT", "BUILD_TIMESTAMP"];
function selectAutomaticBuildArgs(values, declared, userArgs) {
  let userKeys = new Set(userArgs.map((item) => item.value.split("=")[0].trim()));
  return Object.entries(values).filter((entry) => !!entry[1]).filter(([name]) => declared.has(name) && !userKeys.has(name)).map(([name, value]) => `${name}=${value}`);
}

// src/engine/builder.ts
import { createHash } from "node:crypto";
var BuilderUnavailableError = class extends Error {
  constructor(detail) {
    super(
      `no container builder available (${detail}). Install Docker with the buildx plugin (on GitHub runners: docker/setup-buildx-action), or start a Docker engine and set DOCKER_HOST.`
    ), this.name = "BuilderUnavailableError";
  }
};
function parseBuildxVersion(output) {
  return /\bv?(\d+\.\d+\.\d+)/.exec(output)?.[1];
}
function parseBuildxInspect(output) {
  let field = (label) => new RegExp(`^${label}:\\s*(.*)$`, "m").exec(output)?.[1].trim() ?? "", buildkit = /^v?(\d+\.\d+\.\d+)/.exec(field("Buildkit"))?.[1];
  return {
    name: field("Name"),
    driver: field("Driver"),
    platforms: field("Platforms").split(",").map((platform) => platform.replace(/\*$/, "").trim()).filter(Boolean),
    ...buildkit ? { buildkitVersion: buildkit } : {}
  };
}
async function detectBuilder(runner, env, options = {}) {
  let clients = [
    ...new Set(options.clients ?? [env.IB_DOCKER, "docker", "/usr/bin/docker"].filter(isText))
  ], run = async (docker, args) => {
    try {
      return await runner.run(docker, args, { env });
    } catch {
      return { exitCode: 127, stdout: "", stderr: `${docker} not found` };
    }
  }, problems = [];
  for (let docker of clients) {
    let version = await run(docker, ["buildx", "version"]), buildxVersion = version.exitCode === 0 ? parseBuildxVersion(version.stdout) : void 0;
    if (!buildxVersion) continue;
    let inspect = await run(docker, [
      "buildx",
      "inspect",
      "--bootstrap",
      ...options.builder ? [options.builder] : []
    ]);
    if (inspect.exitCode !== 0) {
      let reason = inspect.stderr.trim().split(`
`).pop() ?? "";
      if (options.builder)
        throw new InputError(
          "builder",
          `no usable buildx builder "${options.builder}" (${reason || "buildx inspect failed"}); list them with \`docker buildx ls\`, or leave builder empty to use the current one`
        );
      problems.push(`${docker} buildx inspect: ${reason}`);
      continue;
    }
    let info = parseBuildxInspect(inspect.stdout);
    return {
      kind: "buildx",
      docker,
      version: buildxVersion,
      name: info.name,
      driver: info.driver,
      platforms: info.platforms,
      ...info.buildkitVersion ? { buildkitVersion: info.buildkitVersion } : {},
      canExportCache: info.driver !== "docker"
    };
  }
  for (let docker of clients) {
    let result = await run(docker, [
      "version",
      "--format",
      "{{.Client.Version}} {{.Server.Version}} {{.Server.Os}}/{{.Server.Arch}}"
    ]), [client, server, platform] = result.stdout.trim().split(" ");
    if (result.exitCode !== 0 || !server) {
      problems.push(`${docker}: ${(result.stderr || result.stdout).trim().split(`
`)[0] || "no engine"}`);
      continue;
    }
    if (versionAtLeast(client, "23.0.0")) {
      problems.push(`${docker} ${client} needs the buildx plugin for BuildKit builds`);
      continue;
    }
    return { kind: "classic", docker, engineVersion: server, platforms: platform ? [platform] : [] };
  }
  throw new BuilderUnavailableError(problems.join("; ") || "no docker client found");
}
function isText(value) {
  return typeof value == "string" && value.length > 0;
}
function buildsIntoEngine(builder) {
  return builder.kind === "classic" || builder.driver === "docker";
}
var ENDPOINT = /^(tcp|unix|ssh):\/\/\S+$/;
async function ensureRemoteBuilder(runner, env, options) {
  let endpoint = options.endpoint.trim();
  if (!ENDPOINT.test(endpoint))
    throw new InputError(
      "buildkit-endpoint",
      `"${endpoint}" is not a BuildKit address: use tcp://host:port, unix:///path/to/buildkitd.sock or ssh://user@host`
    );
  let opts = options.driverOpts ?? [];
  for (let opt of opts)
    if (!/^[a-z][a-z0-9-]*=\S*$/.test(opt))
      throw new InputError("buildkit-driver-opts", `"${opt}" must be key=value (e.g. cacert=/path/ca.pem)`);
  let name = `image-build-${createHash("sha256").update([endpoint, ...opts].join(`
`)).digest("hex").slice(0, 12)}`, clients = [
    ...new Set(options.clients ?? [env.IB_DOCKER, "docker", "/usr/bin/docker"].filter(isText))
  ];
  for (let docker of clients) {
    let version = await runner.run(docker, ["buildx", "version"], { env }).catch(() => {
    });
    if (!version || version.exitCode !== 0) continue;
    if ((await runner.run(docker, ["buildx", "inspect", name], { env })).exitCode === 0) return name;
    let created = await runner.run(
      docker,
      [
        "buildx",
        "create",
        "--name",
        name,
        "--driver",
        "remote",
        ...opts.flatMap((opt) => ["--driver-opt", opt]),
        endpoint
      ],
      { env }
    );
    if (created.exitCode !== 0)
      throw new InputError(
        "buildkit-endpoint",
        `buildx could not make a remote builder for ${endpoint}: ${(created.stderr || created.stdout).trim().split(`
`).pop() ?? ""}`
      );
    return name;
  }
  throw new BuilderUnavailableError(
    "buildkit-endpoint needs the buildx plugin, and no docker client here has it"
  );
}

// src/build/build-image.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2, resolve as resolve2 } from "node:path";

// src/build/dockerfile.ts
var import_dockerfile_ast = __toESM(require_main(), 1);
function parseDockerfile(text) {
  let dockerfile = import_dockerfile_ast.DockerfileParser.parse(text), stages = [], args = /* @__PURE__ */ new Set();
  for (let instruction of dockerfile.getInstructions()) {
    let keyword = instruction.getKeyword();
    if (instruction instanceof import_dockerfile_ast.From) {
      let base = instruction.getImage() ?? "", name = instruction.getBuildStage()?.toLowerCase() || void 0;
      stages.push({ index: stages.length, name, base, uses: [base.toLowerCase()] });
    } else if (instruction instanceof import_dockerfile_ast.Arg)
      for (let argument of instruction.getPropertyArguments()) {
        let argName = argument.getValue().split("=")[0];
        argName && args.add(argName);
      }
    else if (stages.length > 0 && (keyword === "COPY" || keyword === "ADD" || keyword === "RUN")) {
      let stage = stages[stages.length - 1];
      for (let flag of instruction.getFlags()) {
        let from = flag.getName() === "from" && keyword !== "RUN" ? flag.getValue() : flag.getName() === "mount" ? flag.getOption("from")?.getValue() : void 0;
        from && stage.uses.push(from.toLowerCase());
      }
    }
  }
  let syntax = dockerfile.getDirectives().find((directive) => directive.getName().toLowerCase() === "syntax");
  return {
    stages,
    args,
    escape: dockerfile.getEscapeCharacter(),
    ...syntax && { syntax: syntax.getValue() }
  };
}
function findStage(info, ref) {
  let lower = ref.toLowerCase();
  return /^\d+$/.test(lower) ? info.stages[Number(lower)] : info.stages.find((stage) => stage.name === lower);
}
function stageDependencies(info, target) {
  let final = target ? findStage(info, target) : info.stages[info.stages.length - 1];
  if (!final) return [];
  let needed = /* @__PURE__ */ new Set(), visit = (stage) => {
    for (let use of stage.uses) {
      let dependency = findStage(info, use);
      !dependency || dependency.index >= stage.index || needed.has(dependency.index) || (needed.add(dependency.index), visit(dependency));
    }
  };
  return visit(final), info.stages.filter((stage) => needed.has(stage.index));
}
function ancestors(info, stage) {
  let chain = /* @__PURE__ */ new Set();
  for (let base = findStage(info, stage.base); base && !chain.has(base.index) && !(base.index >= stage.index); base = findStage(info, base.base))
    chain.add(base.index);
  return chain;
}
function stagesNeedingCacheImages(info, target) {
  let final = target ? findStage(info, target) : info.stages[info.stages.length - 1];
  if (!final) return [];
  let needed = stageDependencies(info, target), covered = /* @__PURE__ */ new Set();
  for (let stage of [...needed, final]) for (let index of ancestors(info, stage)) covered.add(index);
  return needed.filter((stage) => !covered.has(stage.index));
}

// src/build/build-command.ts
var repeat = (flag, values) => values.flatMap((value) => [flag, value]);

// src/build/buildx-features.ts
var BUILDX_FEATURES = {
  /** `--metadata-file`: the digest and config of what was built. */
  metadataFile: { flag: "--metadata-file", since: "0.6.0" },
  /** `--build-context name=path`. */
  buildContexts: { flag: "--build-context", since: "0.8.0" },
  /** `--provenance`, `--sbom`, `--attest`. */
  attestations: { flag: "--provenance/--sbom", since: "0.10.0" },
  /** `--annotation [level:]key=value`. */
  annotations: { flag: "--annotation", since: "0.12.0" }
};
function buildxSupports(version, feature) {
  return versionAtLeast(version, BUILDX_FEATURES[feature].since);
}
function droppedFlagNotice(version, feature, what) {
  let { flag, since } = BUILDX_FEATURES[feature];
  return `${what}: buildx ${version} has no ${flag} (added in ${since}); skipped. Update buildx (docker/setup-buildx-action) to use it`;
}
function outputField(field) {
  return /[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
function annotationOutputAttribute(annotation) {
  let match = /^((?:manifest|index|manifest-descriptor|index-descriptor)(?:\[[^\]]*\])?):(.*)$/s.exec(
    annotation
  ), levelSpec = match ? match[1] : "manifest", rest = match ? match[2] : annotation, level = levelSpec.replace(/\[.*$/, ""), platform = levelSpec.slice(level.length), prefix = level === "manifest" ? `annotation${platform}` : `annotation-${level}${platform}`;
  return { level, attribute: `${prefix}.${rest}` };
}

// src/build/plan-buildx.ts
function defaultProvenance(inputs) {
  return inputs.platforms.length > 1 ? "mode=min" : "false";
}
function exportArgs(inputs, builder, imageNames, notices) {
  let annotations = inputs.annotations.map((item) => item.value), outputs = inputs.outputs.map((item) => item.value), plain = {
    args: [
      ...repeat("--output", outputs),
      ...inputs.load ? ["--load"] : [],
      ...inputs.push ? ["--push"] : [],
      ...repeat("--tag", imageNames)
    ],
    pushes: inputs.push
  };
  if (annotations.length === 0) return plain;
  if (buildxSupports(builder.version, "annotations"))
    return { ...plain, args: [...repeat("--annotation", annotations), ...plain.args] };
  let dropped = (why) => (notices.push(`annotations: ${why}; skipped (the labels carry the same values)`), plain);
  if (builder.driver === "docker")
    return dropped(`buildx ${builder.version} has no --annotation and its docker driver cannot add them`);
  if (!inputs.push || inputs.load || outputs.length > 0)
    return dropped(
      `buildx ${builder.version} has no --annotation (added in 0.12) and this build does not push an image`
    );
  let attributes = annotations.map(annotationOutputAttribute), usable = attributes.filter(
    (attribute) => inputs.platforms.length > 1 || !attribute.level.startsWith("index")
  );
  return usable.length < attributes.length && notices.push("annotations: index-level annotations need a multi-platform build; skipped"), { args: ["--output", [
    "type=image",
    outputField(`name=${imageNames.join(",")}`),
    "push=true",
    "oci-mediatypes=true",
    ...usable.map((attribute) => outputField(attribute.attribute))
  ].join(",")], pushes: !0 };
}
function separateInlineCache(input) {
  let { builder, cache } = input, inlineOnly = cache.cacheTo.length === 1 && cache.cacheTo[0] === "type=inline";
  return builder.driver === "docker" && inlineOnly && cache.preset === "inline" ? cache.finalImage : void 0;
}
function planBuildx(input) {
  let { build, builder, cache, options, buildArgs, secretArgs: secretArgs2, env, notices } = input, { inputs } = build, { version } = builder, cacheImage = separateInlineCache(input), cacheTag = cache.tagPublished && options.tagCacheRef !== !1 && inputs.push ? [cache.tagPublished] : [], imageNames = [
    ...inputs.tags,
    ...cache.finalImage && !cacheImage ? [cache.finalImage] : [],
    ...cacheTag
  ], attestations = buildxSupports(version, "attestations"), provenance = inputs.provenance || (attestations ? defaultProvenance(inputs) : "");
  attestations || (inputs.provenance && notices.push(droppedFlagNotice(version, "attestations", "provenance")), inputs.sbom && notices.push(droppedFlagNotice(version, "attestations", "sbom")));
  let metadataFile = buildxSupports(version, "metadataFile") ? options.metadataFile : void 0;
  metadataFile || notices.push(
    `${droppedFlagNotice(version, "metadataFile", "metadata")} (the metadata output holds the image id only)`
  );
  let exported = exportArgs(inputs, builder, imageNames, notices), argsFor = (role, exportTo) => [
    "buildx",
    "build",
    ...repeat("--add-host", inputs.addHosts),
    ...repeat("--build-arg", buildArgs),
    ...repeat(
      "--build-context",
      inputs.buildContexts.map((item) => item.value)
    ),
    ...inputs.builder ? ["--builder", inputs.builder] : [],
    ...repeat("--cache-from", role.cacheFrom),
    ...repeat("--cache-to", role.cacheTo),
    ...inputs.file ? ["--file", inputs.file] : [],
    ...role.files ? ["--iidfile", options.iidFile] : [],
    ...repeat(
      "--label",
      inputs.labels.map((item) => item.value)
    ),
    ...role.files && metadataFile ? ["--metadata-file", metadataFile] : [],
    ...inputs.network ? ["--network", inputs.network] : [],
    ...role.noCache && inputs.noCache ? ["--no-cache"] : [],
    ...role.noCache ? repeat("--no-cache-filter", inputs.noCacheFilters) : [],
    ...inputs.platforms.length ? ["--platform", inputs.platforms.join(",")] : [],
    "--progress",
    "plain",
    ...attestations && provenance ? ["--provenance", provenance] : [],
    ...inputs.pull ? ["--pull"] : [],
    ...attestations && inputs.sbom ? ["--sbom", inputs.sbom] : [],
    ...secretArgs2,
    ...inputs.shmSize ? ["--shm-size", inputs.shmSize] : [],
    ...repeat(
      "--ssh",
      inputs.ssh.map((item) => item.value)
    ),
    ...role.target ?? inputs.target ? ["--target", role.target ?? inputs.target] : [],
    ...repeat(
      "--ulimit",
      inputs.ulimits.map((item) => item.value)
    ),
    ...exportTo,
    inputs.context
  ], imageCommand = {
    role: "image",
    args: argsFor(
      {
        // Stage images are imported by their own builds; this one reuses their steps from the engine.
        cacheFrom: cache.cacheFrom,
        cacheTo: cacheImage ? [] : cache.cacheTo,
        files: !0,
        noCache: !0
      },
      exported.args
    )
  }, stageCommands = cache.stageImages.map(({ stage, ref, imported }) => ({
    role: "stage-cache",
    stage,
    args: argsFor(
      {
        cacheFrom: inputs.noCache || imported === !1 ? [] : [`type=registry,ref=${ref}`],
        cacheTo: ["type=inline"],
        files: !1,
        noCache: !1,
        target: stage
      },
      // Pushed here when this build pushes; a publishing caller pushes them after its tags.
      [...inputs.push ? ["--push"] : [], "--tag", ref]
    )
  })), commands = inputs.noCache ? [imageCommand, ...stageCommands] : [...stageCommands, imageCommand];
  return cacheImage && commands.push({
    role: "stage-cache",
    stage: inputs.target || "final",
    // Pushed here when this build pushes; a publishing caller pushes it after its tags.
    args: argsFor({ cacheFrom: [], cacheTo: cache.cacheTo, files: !1, noCache: !1 }, [
      ...inputs.push ? ["--push"] : [],
      "--tag",
      cacheImage
    ])
  }), {
    builder,
    commands,
    tags: inputs.tags,
    pushes: [],
    pushedByBuilder: exported.pushes ? imageNames : [],
    env,
    iidFile: options.iidFile,
    ...metadataFile ? { metadataFile } : {},
    notices
  };
}

// src/build/plan-classic.ts
function planClassic(input) {
  let { build, builder, cache, options, buildArgs, secretArgs: secretArgs2, env, notices } = input, { inputs } = build, file = inputs.file ? ["--file", inputs.file] : [];
  inputs.annotations.length && notices.push("annotations: the classic builder cannot set manifest annotations; skipped"), inputs.provenance && inputs.provenance !== "false" && notices.push("provenance: the classic builder cannot attach attestations; skipped"), inputs.sbom && inputs.sbom !== "false" && notices.push("sbom: the classic builder cannot attach attestations; skipped"), inputs.builder && notices.push(`builder: "${inputs.builder}" is a buildx instance; using the engine's own BuildKit`);
  let noCache = inputs.noCache || inputs.noCacheFilters.length > 0;
  inputs.noCacheFilters.length && !inputs.noCache && notices.push(
    "no-cache-filters: the classic builder cannot skip the cache per stage; building without cache"
  );
  let common = (target, cacheFrom, skipCache = noCache, inline = cache.inline) => [
    "build",
    ...repeat("--add-host", inputs.addHosts),
    ...repeat("--build-arg", [...buildArgs, ...inline ? ["BUILDKIT_INLINE_CACHE=1"] : []]),
    ...repeat("--cache-from", cacheFrom),
    ...file,
    ...repeat(
      "--label",
      inputs.labels.map((item) => item.value)
    ),
    ...inputs.network ? ["--network", inputs.network] : [],
    ...skipCache ? ["--no-cache"] : [],
    ...inputs.platforms.length ? ["--platform", inputs.platforms[0]] : [],
    "--progress",
    "plain",
    ...inputs.pull ? ["--pull"] : [],
    ...secretArgs2,
    ...inputs.shmSize ? ["--shm-size", inputs.shmSize] : [],
    ...repeat(
      "--ssh",
      inputs.ssh.map((item) => item.value)
    ),
    ...target ? ["--target", target] : [],
    ...repeat(
      "--ulimit",
      inputs.ulimits.map((item) => item.value)
    )
  ], rawFrom = cache.cacheFrom.filter((ref) => ref !== cache.finalCacheRef && ref !== cache.finalImage), stageCommands = cache.stageImages.map(({ stage, ref, imported }) => ({
    role: "stage-cache",
    stage,
    args: [
      ...common(stage, noCache ? [] : [...imported === !1 ? [] : [ref], ...rawFrom], !1),
      "--tag",
      ref,
      inputs.context
    ]
  })), finalCache = cache.inline && cache.finalImage && inputs.tags.length > 0 ? cache.finalImage : void 0, cacheTag = cache.tagPublished && options.tagCacheRef !== !1 ? [cache.tagPublished] : [], imageTags = finalCache ? inputs.tags : [...inputs.tags, ...cache.finalImage ? [cache.finalImage] : [], ...cacheTag], imageCommand = {
    role: "image",
    args: [
      ...common(inputs.target, cache.cacheFrom, noCache, cache.inline && !finalCache),
      "--iidfile",
      options.iidFile,
      ...repeat(
        "--output",
        inputs.outputs.map((item) => item.value)
      ),
      ...repeat("--tag", imageTags),
      inputs.context
    ]
  }, finalCacheCommands = finalCache ? [
    {
      role: "stage-cache",
      stage: inputs.target || "final",
      args: [...common(inputs.target, [], !1, !0), "--tag", finalCache, inputs.context]
    }
  ] : [], commands = noCache ? [imageCommand, ...stageCommands, ...finalCacheCommands] : [...stageCommands, imageCommand, ...finalCacheCommands], cachePushes = cache.pushCacheImages && inputs.push ? [
    ...cache.stageImages.map((image) => image.ref),
    ...cache.finalImage ? [cache.finalImage] : [],
    ...cacheTag
  ] : [];
  return {
    builder,
    commands,
    tags: inputs.tags,
    pushes: [...inputs.push ? inputs.tags : [], ...cachePushes],
    pushedByBuilder: [],
    env,
    iidFile: options.iidFile,
    notices
  };
}

// src/build/validate.ts
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
var diskFiles = {
  isDirectory: (path) => existsSync(path) && statSync(path).isDirectory(),
  isFile: (path) => existsSync(path) && statSync(path).isFile(),
  readText: (path) => readFileSync(path, "utf8")
}, ULIMIT_NAMES = /* @__PURE__ */ new Set([
  "core",
  "cpu",
  "data",
  "fsize",
  "locks",
  "memlock",
  "msgqueue",
  "nice",
  "nofile",
  "nproc",
  "rss",
  "rtprio",
  "rttime",
  "sigpending",
  "stack"
]);
function splitKeyValue(item, input, what, valueRequired = !0) {
  let index = item.value.indexOf("="), key = (index < 0 ? item.value : item.value.slice(0, index)).trim(), value = index < 0 ? "" : item.value.slice(index + 1);
  if (!key || /\s/.test(key) || valueRequired && index < 0) {
    let shown = input.startsWith("secret") ? "" : ` "${item.value}"`;
    throw new InputError(input, `line${shown} must be ${what}`, { line: item.line });
  }
  return [key, value];
}
function isRemoteContext(context) {
  return /^(https?:\/\/|git@|github\.com\/)/.test(context) || context === "-";
}
function commandLineValues(inputs) {
  let scalars = (names) => Object.entries(names).map(([name, value]) => [
    name,
    [{ value: value ?? "" }]
  ]), strings = (values) => values.map((value) => ({ value }));
  return [
    ...scalars({
      context: inputs.context,
      file: inputs.file,
      target: inputs.target,
      network: inputs.network,
      "shm-size": inputs.shmSize,
      provenance: inputs.provenance,
      sbom: inputs.sbom,
      builder: inputs.builder
    }),
    ["build-args", inputs.buildArgs],
    ["build-contexts", inputs.buildContexts],
    ["labels", inputs.labels],
    ["annotations", inputs.annotations],
    ["outputs", inputs.outputs],
    ["secrets", inputs.secrets],
    ["secret-envs", inputs.secretEnvs],
    ["secret-files", inputs.secretFiles],
    ["ssh", inputs.ssh],
    ["ulimit", inputs.ulimits],
    ["cache-from", inputs.cacheFrom],
    ["cache-to", inputs.cacheTo],
    ["tags", strings(inputs.tags)],
    ["platforms", strings(inputs.platforms)],
    ["add-hosts", strings(inputs.addHosts)],
    ["no-cache-filters", strings(inputs.noCacheFilters)]
  ];
}
function validateBuild(inputs, builder, files = diskFiles, cwd = process.cwd()) {
  for (let [input, values] of commandLineValues(inputs)) {
    let bad = values.find((item) => item.value.includes("\0"));
    if (bad)
      throw new InputError(input, "holds a NUL character, which no command line can carry", {
        line: bad.line
      });
  }
  let context = isAbsolute(inputs.context) ? inputs.context : resolve(cwd, inputs.context);
  if (!isRemoteContext(inputs.context) && !files.isDirectory(context))
    throw new InputError("context", `directory "${inputs.context}" does not exist`);
  let file = inputs.file || join(inputs.context, "Dockerfile"), dockerfilePath = isAbsolute(file) ? file : resolve(cwd, file);
  if (!files.isFile(dockerfilePath))
    throw new InputError("file", `Dockerfile "${file}" does not exist`);
  let dockerfile = parseDockerfile(files.readText(dockerfilePath));
  if (dockerfile.stages.length === 0) throw new InputError("file", `"${file}" has no FROM instruction`);
  if (inputs.target && !findStage(dockerfile, inputs.target)) {
    let names = dockerfile.stages.map((stage) => stage.name).filter(Boolean);
    throw new InputError(
      "target",
      `no stage named "${inputs.target}" in ${file}` + (names.length ? ` (stages: ${names.join(", ")})` : " (no named stages)")
    );
  }
  for (let item of inputs.buildArgs)
    splitKeyValue(item, "build-args", "NAME=value (or NAME to take it from the environment)", !1);
  for (let item of inputs.buildContexts) splitKeyValue(item, "build-contexts", "name=path-or-url");
  for (let item of inputs.labels) splitKeyValue(item, "labels", "key=value", !1);
  for (let item of inputs.annotations) splitKeyValue(item, "annotations", "key=value");
  for (let item of inputs.secrets) splitKeyValue(item, "secrets", "id=value");
  for (let item of inputs.secretEnvs) {
    let [, variable] = splitKeyValue(item, "secret-envs", "id=ENVIRONMENT_VARIABLE");
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable))
      throw new InputError("secret-envs", `"${variable}" is not an environment variable name`, {
        line: item.line
      });
  }
  for (let item of inputs.secretFiles) {
    let [id, path] = splitKeyValue(item, "secret-files", "id=path");
    if (!files.isFile(isAbsolute(path) ? path : resolve(cwd, path)))
      throw new InputError("secret-files", `file for secret "${id}" does not exist: ${path}`, {
        line: item.line
      });
  }
  for (let item of inputs.ulimits) {
    let [name, limits] = splitKeyValue(item, "ulimit", "name=soft[:hard] (e.g. nofile=1024:2048)");
    if (!ULIMIT_NAMES.has(name))
      throw new InputError("ulimit", `unknown limit "${name}"`, { line: item.line, field: name });
    if (!/^-?\d+(:-?\d+)?$/.test(limits))
      throw new InputError("ulimit", `"${limits}" must be soft[:hard] integers`, {
        line: item.line,
        field: name
      });
  }
  for (let [input, items] of [
    ["cache-from", inputs.cacheFrom],
    ["cache-to", inputs.cacheTo]
  ])
    for (let item of items) checkCacheRef(parseCacheSpec(item, input), input, item.line);
  for (let host of inputs.addHosts)
    if (!/^[^\s:=]+[:=]\S+$/.test(host)) throw new InputError("add-hosts", `"${host}" must be host:ip`);
  if (inputs.shmSize && !/^\d+(\.\d+)?[bkmg]?$/i.test(inputs.shmSize))
    throw new InputError("shm-size", `"${inputs.shmSize}" must be a size such as 2g or 512m`);
  return validateBuilderSupport(inputs, builder), { inputs, dockerfilePath, dockerfile };
}
function checkCacheRef(spec, input, line) {
  if (!(spec.type !== "registry" || spec.attrs.ref === void 0))
    try {
      parseReference(spec.attrs.ref);
    } catch (error) {
      throw error instanceof InvalidReferenceError ? new InputError(input, `ref: ${error.message}`, { line, field: "ref" }) : error;
    }
}
function validateBuilderSupport(inputs, builder) {
  if (builder.platforms.length > 0) {
    for (let platform of inputs.platforms)
      if (!builder.platforms.some((known) => known === platform || known.startsWith(`${platform}/`)))
        throw new InputError(
          "platforms",
          `the builder cannot build ${platform} (it has ${builder.platforms.join(", ")})`
        );
  }
  if (builder.kind === "buildx") {
    if (inputs.buildContexts.length > 0 && !buildxSupports(builder.version, "buildContexts"))
      throw new InputError(
        "build-contexts",
        `buildx ${builder.version} has no --build-context (added in ${BUILDX_FEATURES.buildContexts.since}); update buildx`
      );
    return;
  }
  if (inputs.platforms.length > 1)
    throw new InputError(
      "platforms",
      "the classic builder builds one platform at a time; install buildx for multi-platform images"
    );
  if (inputs.buildContexts.length > 0)
    throw new InputError("build-contexts", "the classic builder has no named build contexts; install buildx");
  for (let item of inputs.outputs)
    if (/(^|,)type=(image|registry|oci|docker)(,|$)/.test(item.value))
      throw new InputError(
        "outputs",
        `the classic builder cannot export "${item.value}"; use push/load or install buildx`,
        {
          line: item.line
        }
      );
}

// src/build/plan.ts
var SECRET_ENV_PREFIX = "IB_BUILD_SECRET_";
function secretArgs(inputs) {
  let args = [], env = {};
  inputs.secrets.forEach((item, index) => {
    let [id, value] = splitKeyValue(item, "secrets", "id=value");
    env[`${SECRET_ENV_PREFIX}${index}`] = value, args.push("--secret", `id=${id},env=${SECRET_ENV_PREFIX}${index}`);
  });
  for (let item of inputs.secretFiles) {
    let [id, path] = splitKeyValue(item, "secret-files", "id=path");
    args.push("--secret", `id=${id},src=${path}`);
  }
  for (let item of inputs.secretEnvs) {
    let [id, variable] = splitKeyValue(item, "secret-envs", "id=VARIABLE");
    args.push("--secret", `id=${id},env=${variable}`);
  }
  return { args, env };
}
function planBuild(build, builder, cache, options) {
  let { inputs, dockerfile } = build, secrets2 = secretArgs(inputs), shared = {
    build,
    cache,
    options,
    buildArgs: [
      ...inputs.buildArgs.map((item) => item.value),
      ...selectAutomaticBuildArgs(options.automaticBuildArgs ?? {}, dockerfile.args, inputs.buildArgs)
    ],
    secretArgs: secrets2.args,
    env: { DOCKER_BUILDKIT: "1", ...secrets2.env },
    notices: [...cache.notices]
  };
  return builder.kind === "buildx" ? planBuildx({ ...shared, builder }) : planClassic({ ...shared, builder });
}

// src/build/run-build.ts
import { readFileSync as readFileSync2 } from "node:fs";

// src/build/progress.ts
var HEADER = /^#(\d+) \[([^\]]+)\] (.+)$/, STATUS = /^#(\d+) (CACHED|DONE (\d+(?:\.\d+)?)s|ERROR:? ?(.*))$/, CACHE_LOAD = /^#(\d+) (?:extracting sha256:[0-9a-f]{64}|sha256:[0-9a-f]{64} \S+ \/ \S+)/, EXECUTION_OUTPUT = /^#(\d+) \d+\.\d+ /;
function parseLabel(label) {
  let words = label.trim().split(/\s+/), position = words.pop() ?? "";
  if (!/^\d+\/\d+$/.test(position)) return;
  let platform = words.length > 0 && words[0].includes("/") ? words.shift() : void 0;
  return { stage: words.join(" "), position, platform };
}
function parsePlainProgress(output) {
  let steps = /* @__PURE__ */ new Map(), loaded = /* @__PURE__ */ new Set(), executed = /* @__PURE__ */ new Set();
  for (let line of output.split(/\r?\n/)) {
    let header = HEADER.exec(line);
    if (header) {
      let label = parseLabel(header[2]);
      if (label && !steps.has(header[1])) {
        let { platform, ...place } = label;
        steps.set(header[1], {
          ...place,
          ...platform ? { platform } : {},
          instruction: header[3].trim(),
          cached: !1,
          durationSeconds: 0
        });
      }
      continue;
    }
    let load = CACHE_LOAD.exec(line);
    if (load) {
      loaded.add(load[1]);
      continue;
    }
    let ran = EXECUTION_OUTPUT.exec(line);
    if (ran) {
      executed.add(ran[1]);
      continue;
    }
    let status = STATUS.exec(line), step = status ? steps.get(status[1]) : void 0;
    !status || !step || (status[2] === "CACHED" ? step.cached = !0 : status[3] !== void 0 ? step.durationSeconds = Number(status[3]) : step.error = status[4] || "failed");
  }
  for (let [id, step] of steps)
    !step.cached && !step.error && loaded.has(id) && !executed.has(id) && (step.cached = !0);
  return [...steps.values()];
}
function mergeSteps(builds) {
  let seen = /* @__PURE__ */ new Map();
  for (let steps of builds)
    for (let step of steps) {
      let key = `${step.platform ?? ""}\0${step.stage}\0${step.instruction}`;
      seen.has(key) || seen.set(key, step);
    }
  return [...seen.values()];
}
function isFromStep(step) {
  return /^FROM\s/i.test(step.instruction);
}
function cacheHitRate(steps) {
  let built = steps.filter((step) => !isFromStep(step));
  return built.length === 0 ? 1 : built.filter((step) => step.cached).length / built.length;
}

// src/engine/push.ts
var PushFailedError = class extends Error {
  output;
  transient;
  constructor(reference, exitCode, output, transient) {
    super(`docker push ${reference} failed (exit ${exitCode}): ${lastLine(output)}`), this.name = "PushFailedError", this.output = output, this.transient = transient;
  }
}, lastLine = (text) => text.trim().split(`
`).filter((line) => line.trim()).pop() ?? "", TRANSIENT = /\b(429|500|502|503|504)\b|too many requests|toomanyrequests|service unavailable|bad gateway|gateway time-?out|internal server error|connection reset|broken pipe|\bEOF\b|i\/o timeout|TLS handshake timeout|connection refused|blob upload (unknown|invalid)|server closed idle connection|unexpected end of JSON/i, PERMANENT = /denied|unauthorized|authentication required|no basic auth credentials|forbidden|\b40[134]\b|name unknown|manifest invalid|must be lowercase|invalid reference format|does not exist locally/i;
function isTransientPushFailure(output) {
  return TRANSIENT.test(output) && !PERMANENT.test(output);
}
var defaultSleep = (ms) => new Promise((resolve3) => setTimeout(resolve3, ms));
async function retryTransient(attempt, options = {}) {
  let attempts = options.attempts ?? 4, base = options.baseDelayMs ?? 1e3, wait = options.sleep ?? defaultSleep, random = options.random ?? Math.random;
  for (let n = 1; ; n++) {
    let result = await attempt();
    if (result.exitCode === 0 || n >= attempts || !isTransientPushFailure(result.output)) return result;
    let delay = Math.round(base * 2 ** (n - 1) * (0.5 + random()));
    options.onRetry?.(lastLine(result.output), delay, n + 1), await wait(delay);
  }
}
function parsePushDigest(output, tag) {
  let lines = output.split(/\r?\n/).filter((line2) => /: digest: sha256:[0-9a-f]{64}/.test(line2)), line = (tag ? lines.find((candidate) => candidate.startsWith(`${tag}: `)) : void 0) ?? lines[lines.length - 1];
  return line ? /(sha256:[0-9a-f]{64})/.exec(line)?.[1] : void 0;
}
async function dockerPush(client, reference, retry = {}) {
  let docker = client.docker ?? "docker", { tag } = parseReference(reference), result = await retryTransient(async () => {
    let run = await client.runner.run(docker, ["push", reference], {
      env: client.env,
      onStdout: client.onOutput,
      onStderr: client.onOutput
    });
    return { ...run, output: `${run.stdout}
${run.stderr}` };
  }, retry);
  if (result.exitCode !== 0)
    throw new PushFailedError(
      reference,
      result.exitCode,
      (result.stderr || result.stdout).trim(),
      isTransientPushFailure(result.output)
    );
  let digest = parsePushDigest(result.stdout, tag);
  if (!digest) throw new Error(`docker push printed no digest for ${reference}`);
  return { digest };
}
async function dockerTag(client, source, target) {
  let result = await client.runner.run(client.docker ?? "docker", ["tag", source, target], {
    env: client.env
  });
  if (result.exitCode !== 0)
    throw new Error(`docker tag ${source} ${target} failed: ${result.stderr.trim()}`);
}

// src/build/run-build.ts
var BuildFailedError = class extends Error {
  output;
  steps;
  constructor(message, output, steps) {
    super(message), this.name = "BuildFailedError", this.output = output, this.steps = steps;
  }
};
function readIfPresent(path) {
  try {
    return readFileSync2(path, "utf8");
  } catch {
    return;
  }
}
function lineWriter(logger) {
  let pending = "";
  return {
    write(chunk) {
      pending += chunk;
      let lines = pending.split(`
`);
      pending = lines.pop() ?? "";
      for (let line of lines) logger.info(line);
    },
    flush() {
      pending && logger.info(pending), pending = "";
    }
  };
}
function pushFailure(stderr) {
  let lines = stderr.split(`
`).filter((line) => /push|commit on ref|do request|export(ing)? (to image|cache)/i.test(line));
  return lines.some(isTransientPushFailure) ? lines.join(`
`) : "";
}
async function runBuild(plan, options) {
  let { runner, logger } = options, read = options.readFile ?? readIfPresent, env = { ...options.env, ...plan.env }, docker = plan.builder.docker;
  for (let [name, value] of Object.entries(plan.env))
    name.startsWith("IB_BUILD_SECRET_") && logger.setSecret(value);
  for (let notice of plan.notices) logger.notice(notice);
  let stepLists = [], pushed = [];
  logger.startGroup(
    `Building with ${plan.builder.kind === "buildx" ? `buildx (${plan.builder.driver})` : "the engine builder"}`,
    { untrusted: !0 }
  );
  try {
    for (let command of plan.commands) {
      command.role === "stage-cache" && logger.info(`\u2014 cache image for stage ${command.stage}`);
      let pushes = command.role === "image" && plan.pushedByBuilder.length > 0, result = await retryTransient(
        async () => {
          let out = lineWriter(logger), run = await runner.run(docker, command.args, {
            env,
            cwd: options.cwd,
            onStdout: out.write,
            onStderr: out.write
          });
          return out.flush(), { ...run, output: pushes && run.exitCode !== 0 ? pushFailure(run.stderr) : "" };
        },
        {
          ...options.retry,
          onRetry: (reason, delay, attempt) => {
            logger.warning(
              `the push failed (${reason}); attempt ${attempt} in ${Math.round(delay / 1e3)} s`
            ), options.retry?.onRetry?.(reason, delay, attempt);
          }
        }
      ), steps = parsePlainProgress(result.stderr + `
` + result.stdout);
      if (stepLists.push(steps), result.exitCode !== 0) {
        let tail2 = (result.stderr || result.stdout).trim().split(`
`).slice(-15).join(`
`);
        throw new BuildFailedError(
          `the build failed (exit ${result.exitCode})${command.stage ? ` in stage ${command.stage}` : ""}`,
          tail2,
          mergeSteps(stepLists)
        );
      }
    }
    for (let ref of plan.pushes) {
      let out = lineWriter(logger);
      try {
        let { digest: digest2 } = await dockerPush({ runner, docker, env, onOutput: out.write }, ref, options.retry);
        pushed.push({ ref, digest: digest2 });
      } catch (error) {
        throw new BuildFailedError(
          error.message,
          error.output ?? "",
          mergeSteps(stepLists)
        );
      } finally {
        out.flush();
      }
    }
  } finally {
    logger.endGroup();
  }
  let imageId = (read(plan.iidFile) ?? "").trim(), metadataText = plan.metadataFile ? read(plan.metadataFile) : void 0, metadata;
  if (metadataText)
    metadata = JSON.parse(metadataText);
  else {
    let imageArgs = plan.commands.find((command) => command.role === "image")?.args ?? [], names = imageArgs.flatMap((arg, index) => imageArgs[index - 1] === "--tag" ? [arg] : []);
    metadata = {
      "containerimage.config.digest": imageId,
      ...pushed[0]?.digest ? { "containerimage.digest": pushed[0].digest } : {},
      "image.name": names.join(",")
    };
  }
  let digest = typeof metadata["containerimage.digest"] == "string" ? metadata["containerimage.digest"] : pushed[0]?.digest;
  for (let ref of plan.pushedByBuilder) pushed.push({ ref, digest });
  return { imageId, digest, metadata, steps: mergeSteps(stepLists), pushed };
}

// src/build/build-image.ts
function planCache(validated, builder, options) {
  let { inputs } = validated, image = options.cacheImage ?? (inputs.tags[0] ? nameAsWritten(inputs.tags[0]) : ""), stages = stagesNeedingCacheImages(validated.dockerfile, inputs.target || void 0).map(
    (stage) => stage.name ?? String(stage.index)
  );
  if (!image) {
    let cache2 = resolveCache(
      { ...inputs, cache: "none" },
      { image: "", builder, stages: [], push: !1, localRoot: "" }
    );
    return ["auto", "none"].includes(inputs.cache) || cache2.notices.push(
      `cache "${inputs.cache}": no tags to derive a cache image from; building without cache`
    ), { image, cache: cache2 };
  }
  let cache = resolveCache(inputs, {
    image,
    builder,
    stages,
    push: inputs.push || !!options.publishing,
    github: options.github,
    localRoot: options.localRoot ?? join2(tmpdir(), "image-build-cache"),
    reproducible: options.reproducible,
    existingTags: options.existingTags
  });
  return { image, cache };
}
async function buildImage(options) {
  let { inputs, runner, logger, env } = options, cwd = options.cwd ?? process.cwd(), builder = options.builder ?? await detectBuilder(runner, env, { builder: inputs.builder || void 0 }), validated = validateBuild(inputs, builder, diskFiles, cwd), { image, cache } = planCache(validated, builder, options), workDir = mkdtempSync(join2(tmpdir(), "image-build-")), plan = planBuild(validated, builder, cache, {
    automaticBuildArgs: options.automaticBuildArgs,
    iidFile: join2(workDir, "iid"),
    metadataFile: join2(workDir, "metadata.json"),
    tagCacheRef: !options.callerTagsCacheRef
  });
  logger.info(`cache: ${cache.summary}`);
  let localCache = cache.local && options.actionsCache ? await restoreLocalCache(
    cache,
    {
      image,
      dockerfile: diskFiles.readText(validated.dockerfilePath),
      context: resolve2(cwd, inputs.context)
    },
    { client: options.actionsCache, runner, env, logger, docker: builder.docker }
  ) : void 0;
  localCache && options.onLocalCache?.(localCache);
  try {
    let result = await runBuild(plan, { runner, logger, env, cwd });
    return { builder, cache, plan, result, localCache };
  } finally {
    rmSync(workDir, { recursive: !0, force: !0 });
  }
}

// src/build/inputs.ts
var BUILD_INPUT_NAMES = [
  "context",
  "file",
  "target",
  "build-args",
  "build-contexts",
  "labels",
  "annotations",
  "tags",
  "platforms",
  "push",
  "load",
  "outputs",
  "network",
  "no-cache",
  "no-cache-filters",
  "pull",
  "secrets",
  "secret-envs",
  "secret-files",
  "ssh",
  "add-hosts",
  "shm-size",
  "ulimit",
  "provenance",
  "sbom",
  "builder",
  "buildkit-endpoint",
  "buildkit-driver-opts",
  "cache",
  "cache-from",
  "cache-to"
];
function readBuildInputs(getInput) {
  let text = (name) => getInput(name).trim(), lines = (name, noQuotes = !1) => parseListInput(getInput(name), { input: name, ignoreComma: !0, noQuotes }), csv = (name) => parseListInput(getInput(name), { input: name }), values = (name) => csv(name).map((item) => item.value);
  return {
    context: text("context") || ".",
    file: text("file"),
    target: text("target"),
    buildArgs: lines("build-args"),
    buildContexts: lines("build-contexts"),
    labels: lines("labels"),
    annotations: lines("annotations"),
    tags: values("tags"),
    platforms: values("platforms"),
    push: parseBoolean("push", getInput("push"), !1),
    load: parseBoolean("load", getInput("load"), !1),
    outputs: lines("outputs", !0),
    network: text("network"),
    noCache: parseBoolean("no-cache", getInput("no-cache"), !1),
    noCacheFilters: values("no-cache-filters"),
    pull: parseBoolean("pull", getInput("pull"), !1),
    secrets: lines("secrets"),
    secretEnvs: csv("secret-envs"),
    secretFiles: lines("secret-files"),
    ssh: csv("ssh"),
    addHosts: values("add-hosts"),
    shmSize: text("shm-size"),
    ulimits: lines("ulimit"),
    provenance: text("provenance"),
    sbom: text("sbom"),
    builder: text("builder"),
    buildkitEndpoint: text("buildkit-endpoint"),
    buildkitDriverOpts: lines("buildkit-driver-opts").map((item) => item.value),
    cache: text("cache").toLowerCase() || "auto",
    cacheFrom: lines("cache-from"),
    cacheTo: lines("cache-to")
  };
}
function defaultBuildInputs(overrides = {}) {
  return { ...readBuildInputs(() => ""), ...overrides };
}

// src/build/cache-images.ts
async function pushCacheImages(build, deps) {
  if (build.cache.preset !== "inline" && build.cache.preset !== "registry") return;
  let refs = [...build.cache.stageImages.map((stage) => stage.ref), build.cache.finalImage].filter(
    (ref) => !!ref
  );
  for (let ref of refs)
    await dockerPush({ runner: deps.runner, docker: build.builder.docker, env: deps.env }, ref).catch(
      (error) => deps.logger.warning(`cache image ${ref} was not pushed: ${error.message}`)
    );
}

// src/publish/image-input.ts
function parseImageInput(text, input, line) {
  try {
    return parseReference(text);
  } catch (error) {
    throw error instanceof InvalidReferenceError ? new InputError(input, error.message, { line }) : error;
  }
}
function parsePromoteSource(text) {
  let ref = parseImageInput(text, "promote-from");
  if (!ref.tag && !ref.digest) throw new InputError("promote-from", `"${text}" needs a tag or a digest`);
  return ref;
}

// src/publish/index.ts
var publish_exports = {};
__export(publish_exports, {
  PublishError: () => PublishError,
  annotateManifest: () => annotateManifest,
  applyPlan: () => applyPlan,
  classifyTag: () => classifyTag,
  commitTag: () => commitTag,
  completePublish: () => completePublish,
  decideReuse: () => decideReuse,
  dockerPushPrimary: () => dockerPushPrimary,
  guardFloatingTag: () => guardFloatingTag,
  highestInRange: () => highestInRange,
  parseImageInput: () => parseImageInput,
  parseImages: () => parseImages,
  parsePromoteSource: () => parsePromoteSource,
  planPublish: () => planPublish,
  preparePublish: () => preparePublish,
  promote: () => promote,
  publish: () => publish,
  publishedReferences: () => publishedReferences,
  readBoolean: () => readBoolean,
  readPublishInputs: () => readPublishInputs,
  readReleaseInputs: () => readReleaseInputs,
  registryWriters: () => registryWriters,
  releaseAnnotations: () => releaseAnnotations,
  splitList: () => splitList,
  splitReferences: () => splitReferences,
  tagVersion: () => tagVersion
});

// src/publish/classify.ts
var import_semver = __toESM(require_semver(), 1), PLAIN_FAMILY = { prefix: "", suffix: "" };
function tagVersion(tag) {
  let text = tag.replace(/^v(?=\d)/, "");
  if (/^\d+\.\d+\.\d+/.test(text))
    return import_semver.default.parse(text) ?? void 0;
}
function familyCore(tag, family) {
  let { prefix, suffix } = family;
  if (!(tag.length <= prefix.length + suffix.length || !tag.startsWith(prefix) || !tag.endsWith(suffix)))
    return tag.slice(prefix.length, tag.length - suffix.length).replace(/^v(?=\d)/, "");
}
function familyVersion(tag, family) {
  let core = familyCore(tag, family);
  return core === void 0 ? void 0 : tagVersion(core);
}
var sameFamily = (a, b) => a.prefix === b.prefix && a.suffix === b.suffix;
function findRelease(tags, version) {
  if (version) {
    let around = new RegExp(`^(.*?)v?${escapeRegExp(version.version)}(.*)$`);
    for (let tag of tags) {
      let match = around.exec(tag);
      if (match && !/[\d.]$/.test(match[1]) && !/^[\d.]/.test(match[2]))
        return { version, family: { prefix: match[1], suffix: match[2] } };
    }
    return { version, family: PLAIN_FAMILY };
  }
  for (let tag of tags) {
    let match = /^(.*?)(v?\d+\.\d+\.\d+)(.*)$/.exec(tag);
    if (!match) continue;
    let [, prefix, core, rest] = match, base = tagVersion(core);
    if (!base) continue;
    let flavored = { prefix, suffix: rest }, floats = [`${base.major}`, `${base.major}.${base.minor}`].some(
      (name) => tags.some((other) => other !== tag && familyCore(other, flavored) === name)
    );
    if (rest && (floats || !/^[-+]/.test(rest))) return { version: base, family: flavored };
    let whole = tagVersion(core + rest);
    if (whole) return { version: whole, family: { prefix, suffix: "" } };
  }
}
var PINNED = [
  /(?:^|[-_.])(?:sha|git|commit)-?[0-9a-f]{7,64}$/i,
  /^[0-9a-f]{7,64}$/,
  /(?:^|\D)\d{8}(?:[-_T]?\d{4,6})?(?:\D|$)/
];
function classifyTag(tag, version, family = PLAIN_FAMILY) {
  let families = sameFamily(family, PLAIN_FAMILY) ? [PLAIN_FAMILY] : [family, PLAIN_FAMILY];
  if (tag === "latest") return { tag, kind: "floating", range: "latest", families };
  for (let candidate of families) {
    let core = familyCore(tag, candidate);
    if (core === "latest") return { tag, kind: "floating", range: "latest", families: [candidate] };
    if (version && core === `${version.major}`)
      return { tag, kind: "floating", range: "major", families: [candidate] };
    if (version && core === `${version.major}.${version.minor}`)
      return { tag, kind: "floating", range: "minor", families: [candidate] };
  }
  return tagVersion(tag) || families.some((candidate) => familyVersion(tag, candidate)) ? { tag, kind: "version" } : PINNED.some((pattern) => pattern.test(tag)) && /\d/.test(tag) ? { tag, kind: "pinned" } : { tag, kind: "moving" };
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// src/publish/guard.ts
var import_semver2 = __toESM(require_semver(), 1);
function highestReleaseInRange(floating, version, existingTags) {
  let { range: range2 } = floating;
  if (!range2) return;
  let highest;
  for (let tag of existingTags)
    for (let family of floating.families ?? [PLAIN_FAMILY]) {
      let other = familyVersion(tag, family);
      !other || other.prerelease.length > 0 || range2 !== "latest" && other.major !== version.major || range2 === "minor" && other.minor !== version.minor || (!highest || import_semver2.default.gt(other, highest.version)) && (highest = { tag, version: other });
    }
  return highest;
}
function highestInRange(range2, version, existingTags, families = [PLAIN_FAMILY]) {
  return highestReleaseInRange({ range: range2, families }, version, existingTags)?.version;
}
function guardFloatingTag(tag, version, existingTags) {
  if (tag.kind !== "floating" || !tag.range || !version) return;
  if (version.prerelease.length > 0)
    return {
      tag: tag.tag,
      reason: `${version.version} is a pre-release; pre-releases never move floating tags`
    };
  let highest = highestReleaseInRange(tag, version, existingTags);
  if (highest && import_semver2.default.lt(version, highest.version)) {
    let scope = tag.range === "latest" ? "the repository" : `the ${tag.tag} range`, named = highest.tag === highest.version.version ? "" : ` (${highest.tag})`;
    return {
      tag: tag.tag,
      reason: `${version.version} is lower than ${highest.version.version}${named} already in ${scope}`,
      higher: highest.version.version
    };
  }
}

// src/publish/plan.ts
var ORDER = { version: 0, pinned: 1, moving: 2, minor: 3, major: 4, latest: 5 }, rank = (tag) => ORDER[tag.range ?? tag.kind];
function planPublish(input) {
  let tags = [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))];
  if (tags.length === 0) throw new InputError("tags", "no tags to publish");
  for (let tag of tags)
    if (!isValidTag(tag))
      throw new InputError(
        "tags",
        `"${tag}" is not a valid tag (letters, digits, _ . -, up to 128, not starting with . or -)`
      );
  let release = findRelease(tags, input.version !== void 0 ? parseVersion(input.version) : void 0), version = release?.version, classified = tags.map((tag) => {
    let c = classifyTag(tag, version, release?.family);
    return { ...c, immutable: c.kind === "version" || c.kind === "pinned" };
  }), primary;
  if (input.primaryTag !== void 0) {
    if (primary = classified.find((t) => t.tag === input.primaryTag), !primary)
      throw new InputError("primary-tag", `"${input.primaryTag}" is not one of the tags to publish`);
  } else
    primary = mostSpecific(classified, release);
  let guard = input.guardFloatingTags ?? !0, held = (tag) => guard ? markedPrerelease(tag, input.prerelease) ?? guardFloatingTag(tag, version, input.existingTags) : void 0, primaryHeld = held(primary);
  if (primaryHeld) {
    let primaryInput = input.primaryTag !== void 0 ? "primary-tag" : "tags";
    throw new InputError(
      primaryInput,
      `the builder would push "${primary.tag}", which the floating-tag guard holds back (${primaryHeld.reason}); add a version or sha tag`
    );
  }
  let heldBack = [], rest = [];
  for (let tag of classified) {
    if (tag === primary) continue;
    let reason = held(tag);
    reason ? heldBack.push(reason) : rest.push(tag);
  }
  return rest.sort((a, b) => rank(a) - rank(b)), { primary, tags: rest, heldBack, version: version?.version };
}
function markedPrerelease(tag, why) {
  return why && tag.kind === "floating" ? { tag: tag.tag, reason: why } : void 0;
}
function parseVersion(text) {
  let parsed = tagVersion(text.trim());
  if (!parsed) throw new InputError("version", `"${text}" is not a semantic version (e.g. 1.4.3 or v1.4.3)`);
  return parsed;
}
function mostSpecific(tags, release) {
  return tags.find(
    (t) => t.kind === "version" && release && familyVersion(t.tag, release.family)?.compare(release.version) === 0
  ) ?? tags.find((t) => t.kind === "pinned") ?? tags.find((t) => t.immutable) ?? tags.find((t) => t.kind !== "floating") ?? [...tags].sort((a, b) => rank(a) - rank(b))[0];
}

// src/publish/apply.ts
var import_semver3 = __toESM(require_semver(), 1);

// src/publish/errors.ts
var PublishError = class extends Error {
  image;
  constructor(image, detail, options) {
    super(`publish to ${image}: ${detail}`, options), this.name = "PublishError", this.image = image;
  }
};

// src/publish/apply.ts
async function applyPlan(options) {
  let { writer, repository, manifest, plan, logger, image } = options, existing = new Set(options.existingTags), outcomes = /* @__PURE__ */ new Map(), toWrite = [], candidates = options.primary === "write" ? [plan.primary, ...plan.tags] : plan.tags;
  options.primary !== "write" && outcomes.set(plan.primary.tag, { tag: plan.primary.tag, status: options.primary });
  let look = (tag) => existing.has(tag.tag) && (tag.immutable || options.primary === "unchanged" || options.lookFirst === !0), current = await Promise.all(
    candidates.map((tag) => look(tag) ? writer.resolveTag(repository, tag.tag) : void 0)
  );
  candidates.forEach((tag, index) => {
    let found = current[index];
    if (found === manifest.digest) {
      outcomes.set(tag.tag, { tag: tag.tag, status: "unchanged" });
      return;
    }
    found && (tag.immutable || options.primary === "unchanged") && logger.warning(`${image}:${tag.tag} moves from ${found} to ${manifest.digest}`), toWrite.push(tag);
  });
  for (let group of [toWrite.filter((t) => t.immutable), toWrite.filter((t) => !t.immutable)])
    if (group.length !== 0) {
      try {
        await writer.putTags(
          repository,
          manifest,
          group.map((t) => t.tag)
        );
      } catch (error) {
        throw new PublishError(
          image,
          `writing tags ${group.map((t) => t.tag).join(", ")}: ${error.message}`,
          {
            cause: error
          }
        );
      }
      for (let tag of group) outcomes.set(tag.tag, { tag: tag.tag, status: "written" });
    }
  for (let held of plan.heldBack)
    outcomes.set(held.tag, { tag: held.tag, status: "held-back", reason: held.reason }), logger.notice(`${image}:${held.tag} held back: ${held.reason}`);
  return await settle(options, outcomes), [...outcomes.values()];
}
async function settle(options, outcomes) {
  let { writer, repository, manifest, plan, logger, image } = options, planned = new Map([plan.primary, ...plan.tags].map((t) => [t.tag, t]));
  for (let outcome of outcomes.values())
    outcome.status !== "held-back" && (outcome.digest = manifest.digest);
  let version = plan.version ? import_semver3.default.parse(plan.version) : null, floating = [...outcomes.values()].filter(
    (o) => o.status !== "held-back" && planned.get(o.tag)?.kind === "floating"
  );
  if (options.guardFloatingTags && version && floating.length > 0) {
    let tagsNow = await writer.listTags(repository);
    for (let outcome of floating) {
      let higher = highestReleaseInRange(planned.get(outcome.tag) ?? {}, version, tagsNow);
      if (!higher || !import_semver3.default.gt(higher.version, version)) continue;
      let { tag: owner, version: highest } = higher, theirs = await writer.getManifest(repository, owner);
      await writer.resolveTag(repository, outcome.tag) !== theirs.digest && await writer.putTags(repository, theirs, [outcome.tag]), outcome.status = "superseded", outcome.digest = theirs.digest, outcome.reason = `${highest.version} was published meanwhile`, logger.notice(`${image}:${outcome.tag} follows ${highest.version}, published while this publish ran`);
    }
  }
  if (options.verify === "full")
    for (let outcome of outcomes.values()) {
      if (outcome.status === "held-back" || outcome.status === "superseded") continue;
      let resolved = await writer.resolveTag(repository, outcome.tag);
      if (outcome.digest = resolved, resolved !== manifest.digest) {
        if (!planned.get(outcome.tag)?.immutable) {
          outcome.status = "superseded", outcome.reason = `another publish moved it to ${resolved ?? "nothing"}`, logger.notice(`${image}:${outcome.tag} was moved by another publish to ${resolved}`);
          continue;
        }
        throw new PublishError(
          image,
          `tag ${outcome.tag} resolves to ${resolved ?? "nothing"}, not ${manifest.digest}`
        );
      }
    }
}

// src/registry/transport/errors.ts
var RegistryError = class extends Error {
  status;
  method;
  url;
  errors;
  constructor(method, url, status, errors, detail) {
    let codes = errors.map((e) => `${e.code}${e.message ? `: ${e.message}` : ""}`).join("; "), what = status === void 0 ? "failed" : `answered ${status}`;
    super(`${method} ${url} ${what}${codes ? ` (${codes})` : ""}${detail ? `: ${detail}` : ""}`), this.name = "RegistryError", this.status = status, this.method = method, this.url = url, this.errors = errors;
  }
  hasCode(code) {
    return this.errors.some((e) => e.code === code);
  }
};
function parseErrorBody(body) {
  if (body.length === 0) return [];
  try {
    let parsed = JSON.parse(Buffer.from(body).toString("utf8"));
    return Array.isArray(parsed.errors) ? parsed.errors.filter((e) => typeof e == "object" && e !== null).map((e) => ({
      code: String(e.code ?? "UNKNOWN"),
      message: typeof e.message == "string" ? e.message : ""
    })) : [];
  } catch {
    return [];
  }
}
function redactUrl(url) {
  return url.replace(/\/\/[^/@]*@/, "//");
}

// src/registry/transport/basic.ts
function basicAuthorization(username, password) {
  return `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`;
}

// src/registry/limits.ts
var BODY_LIMITS = {
  /** distribution refuses manifests over 4 MiB on PUT; nothing larger is a real manifest. */
  manifest: 4194304,
  /** One page of a tag list: 4 MiB is some 40,000 tags. */
  tagPage: 4194304,
  /** A token response is a JWT or an opaque string in a small JSON object. */
  token: 1048576,
  /** Config blobs are read whole (image reports): a config with hundreds of layers is well under 1 MiB. */
  configBlob: 8388608,
  /**
   * Blobs we upload from memory (small artifacts such as a stored report analysis, never layers): the
   * size a single monolithic PUT can be trusted to carry.
   */
  uploadBlob: 16777216,
  /** Any other successful answer (ping, PUT, mount): we read nothing from these bodies. */
  other: 1048576,
  /** Error bodies are read this far for their error codes; the rest is dropped, not an error. */
  errorBody: 65536
}, MAX_TAG_PAGES = 1e3, MAX_REDIRECTS = 10;
function limitText(bytes) {
  return bytes >= 1048576 && bytes % 1048576 === 0 ? `${bytes / 1048576} MiB` : bytes >= 1024 && bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

// src/registry/transport/bearer.ts
function realmProblem(realm, registryUrl) {
  if (!realm) return "the bearer challenge has no realm";
  let url;
  try {
    url = new URL(realm);
  } catch {
    return `the token realm ${JSON.stringify(realm.slice(0, 200))} is not a URL`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return `the token realm ${redactUrl(url.href)} is not an http(s) URL`;
  if (url.protocol === "http:" && new URL(registryUrl).protocol === "https:")
    return `the token realm ${redactUrl(url.href)} is plain HTTP for an HTTPS registry: credentials are not sent without TLS`;
}
async function fetchBearerToken(http, request) {
  let url = new URL(request.realm), headers = {}, response, method;
  if (request.credential && "identityToken" in request.credential) {
    let form = new URLSearchParams({
      grant_type: "refresh_token",
      refresh_token: request.credential.identityToken,
      client_id: "image-build"
    });
    request.service && form.set("service", request.service), request.scopes.length && form.set("scope", request.scopes.join(" ")), method = "POST", response = await http.send({
      method,
      url: url.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
      maxBodyBytes: BODY_LIMITS.token
    });
  } else {
    request.service && url.searchParams.set("service", request.service);
    for (let scope of request.scopes) url.searchParams.append("scope", scope);
    request.credential && (headers.authorization = basicAuthorization(request.credential.username, request.credential.password)), method = "GET", response = await http.send({ method, url: url.toString(), headers, maxBodyBytes: BODY_LIMITS.token });
  }
  let fail2 = (status, detail) => new RegistryError(method, redactUrl(request.realm), status, parseErrorBody(response.body), detail);
  if (response.status !== 200)
    throw fail2(
      response.status,
      response.status === 401 ? "the token service rejected the credentials" : "could not get a token"
    );
  return readToken(response.body, (detail) => fail2(200, detail));
}
function readToken(body, fail2) {
  let parsed;
  try {
    parsed = JSON.parse(Buffer.from(body).toString("utf8"));
  } catch {
    throw fail2("the token response is not JSON");
  }
  let { token, access_token } = typeof parsed == "object" && parsed !== null ? parsed : {}, found = typeof token == "string" && token ? token : access_token;
  if (typeof found != "string" || !found) throw fail2("the token response has no token");
  if (!/^[\x21-\x7e]+$/.test(found)) throw fail2("the token response has a token that is not printable ASCII");
  return found;
}

// src/registry/transport/challenge.ts
function parseChallenge(header) {
  if (!header) return;
  let match = /^\s*([A-Za-z][\w-]*)\s*(.*)$/s.exec(header);
  if (!match) return;
  let name = match[1].toLowerCase(), scheme = name === "basic" || name === "bearer" ? name : "other", params = {}, pattern = /([A-Za-z][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?\s*/gy, rest = match[2];
  pattern.lastIndex = 0;
  let param;
  for (; pattern.lastIndex < rest.length && (param = pattern.exec(rest)) !== null; ) {
    let value = param[2] !== void 0 ? param[2].replace(/\\(.)/g, "$1") : param[3];
    params[param[1].toLowerCase()] = value;
  }
  return { scheme, params };
}

// src/registry/transport/http.ts
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { Transform } from "node:stream";

// src/registry/transport/network.ts
var NetworkError = class _NetworkError extends RegistryError {
  /** The cause's code: `ECONNREFUSED`, `ENOTFOUND`, `DEPTH_ZERO_SELF_SIGNED_CERT`, `BODY_TOO_LARGE`, … */
  code;
  transient;
  /** The cause in words, without method and URL. */
  detail;
  constructor(method, url, detail, options) {
    super(method, url, void 0, [], detail), this.name = "NetworkError", this.code = options.code, this.transient = options.transient, this.detail = detail;
  }
  /** The same failure, saying how many attempts were made before giving up. */
  afterAttempts(attempts) {
    return new _NetworkError(this.method, this.url, `${this.detail} (gave up after ${attempts} attempts)`, {
      code: this.code,
      transient: this.transient
    });
  }
}, TRANSIENT_CODES = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT"
]), TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;
function causeOf(error) {
  let cause = error.cause, found = typeof cause == "object" && cause !== null ? cause : error, inner = found.cause;
  return !found.code && typeof inner == "object" && inner !== null && "code" in inner ? inner : found;
}
function describeNetworkFailure(error, timeoutMs) {
  if (!(error instanceof Error)) return { detail: String(error), transient: !1 };
  if (error.name === "TimeoutError" || error.name === "AbortError")
    return { detail: `no complete answer ${timeoutMs === void 0 ? "in time" : `within ${timeoutMs / 1e3} s`} (timeout)`, code: "TIMEOUT", transient: !0 };
  let cause = causeOf(error), code = cause.code, said = (cause.reason ?? cause.message ?? error.message).trim(), where = cause.address ? ` at ${cause.address}${cause.port ? `:${cause.port}` : ""}` : "";
  switch (code) {
    case "ENOTFOUND":
      return {
        detail: `host not found (${[code, cause.hostname].filter(Boolean).join(" ")})`,
        code,
        transient: !1
      };
    case "EAI_AGAIN":
      return {
        detail: `host name lookup failed for now (${[code, cause.hostname].filter(Boolean).join(" ")})`,
        code,
        transient: !0
      };
    case "ECONNREFUSED":
      return {
        detail: `connection refused (ECONNREFUSED)${where}: nothing listens there`,
        code,
        transient: !1
      };
    case "ECONNRESET":
      return /^(socket hang up|aborted)$/.test(said) ? {
        detail: `connection closed before the answer was complete (${code}: ${said})`,
        code,
        transient: !0
      } : { detail: "connection reset by the server (ECONNRESET)", code, transient: !0 };
    case "ERR_STREAM_PREMATURE_CLOSE":
    case "UND_ERR_SOCKET":
    case "UND_ERR_CLOSED":
      return {
        detail: `connection closed before the answer was complete (${code}: ${said})`,
        code,
        transient: !0
      };
    case "HPE_HEADER_OVERFLOW":
    case "UND_ERR_HEADERS_OVERFLOW":
      return { detail: `the answer's headers are too large (${code})`, code, transient: !1 };
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return { detail: `no route to the host (${code})${where}`, code, transient: !1 };
  }
  let openssl = code === "EPROTO" ? /SSL routines:[^:]*:([^:]+)/.exec(said)?.[1] : void 0;
  if (code && (TLS_CODE.test(code) || openssl)) {
    let reason = openssl ?? said;
    return { detail: `TLS failed (${code}: ${reason})${code === "ERR_SSL_WRONG_VERSION_NUMBER" || reason === "wrong version number" ? "; the server may speak plain HTTP, not HTTPS" : ""}`, code, transient: !1 };
  }
  if (code?.startsWith("HPE_"))
    return { detail: `not a valid HTTP answer: ${said} (${code})`, code, transient: !1 };
  if (code) return { detail: `${said} (${code})`, code, transient: TRANSIENT_CODES.has(code) };
  let transient = /socket hang up|other side closed|terminated/i.test(said);
  return { detail: said, transient };
}
function isTransientNetworkError(error) {
  return error instanceof NetworkError ? error.transient : !(error instanceof Error) || error instanceof RegistryError ? !1 : describeNetworkFailure(error).transient;
}
function networkError(method, url, error, timeoutMs) {
  if (error instanceof NetworkError) return error;
  let { detail, code, transient } = describeNetworkFailure(error, timeoutMs);
  return new NetworkError(method, url, detail, { code, transient });
}

// src/registry/transport/body.ts
function prematureClose() {
  return Object.assign(new Error("the body ended early"), { code: "ERR_STREAM_PREMATURE_CLOSE" });
}
async function readBody(body, options) {
  if (!body) return new Uint8Array();
  let success = options.status >= 200 && options.status < 300, redirect = options.status >= 300 && options.status < 400, limit = success ? options.maxBytes ?? BODY_LIMITS.other : redirect ? 0 : BODY_LIMITS.errorBody, contentLength = body.headers["content-length"], declared = contentLength === void 0 ? void 0 : Number(contentLength), tooLarge = (what) => new NetworkError(
    options.method,
    options.url,
    `the answer (${options.status}) is larger than the ${limitText(limit)} allowed for it (${what}); stopped reading`,
    { code: "BODY_TOO_LARGE", transient: !1 }
  );
  if (success && declared !== void 0 && declared > limit)
    throw body.destroy(), tooLarge(`Content-Length: ${declared}`);
  let chunks = [], received = 0;
  return new Promise((resolve3, reject) => {
    let stop = () => {
      body.off("data", onData), body.destroy();
    }, onData = (chunk) => {
      if (received + chunk.length > limit) {
        if (stop(), success) {
          reject(tooLarge(`more than ${limit} bytes received`));
          return;
        }
        chunks.push(chunk.subarray(0, limit - received)), received = limit, resolve3(concat(chunks, received));
        return;
      }
      chunks.push(chunk), received += chunk.length;
    };
    body.on("data", onData), body.on("end", () => resolve3(concat(chunks, received))), body.on("error", reject), body.on("close", () => {
      body.complete || reject(prematureClose());
    });
  });
}
function concat(chunks, total) {
  if (chunks.length === 1) return chunks[0];
  let bytes = new Uint8Array(total), offset = 0;
  for (let chunk of chunks)
    bytes.set(chunk, offset), offset += chunk.length;
  return bytes;
}

// src/registry/transport/http.ts
function createHttpClient(options = {}) {
  let timeoutMs = options.timeoutMs ?? 3e4;
  return {
    send(request) {
      let url = redactUrl(request.url), timedOut = !1, fail2 = (error) => networkError(request.method, url, timedOut ? timeoutError(timeoutMs) : error, timeoutMs);
      return new Promise((resolve3, reject) => {
        let settled = !1, settle2 = (outcome) => {
          settled || (settled = !0, outcome());
        }, target;
        try {
          if (target = new URL(request.url), target.protocol !== "http:" && target.protocol !== "https:")
            throw new Error(`unsupported protocol ${target.protocol}`);
        } catch (error) {
          reject(fail2(error));
          return;
        }
        let body = request.body === void 0 ? void 0 : typeof request.body == "string" ? Buffer.from(request.body) : Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength), headers = { ...request.headers };
        (body !== void 0 || ["PUT", "POST", "PATCH"].includes(request.method)) && (headers["content-length"] = String(body?.length ?? 0));
        let outgoing = (target.protocol === "https:" ? httpsRequest : httpRequest)(target, { method: request.method, headers }), timer, restartTimer = () => {
          clearTimeout(timer), timer = setTimeout(() => {
            timedOut = !0, outgoing.destroy(timeoutError(timeoutMs));
          }, timeoutMs);
        };
        restartTimer();
        let answer;
        outgoing.on("error", (error) => {
          answer?.complete || (clearTimeout(timer), settle2(() => reject(fail2(error))));
        }), outgoing.on("response", (response) => {
          answer = response;
          let status = response.statusCode ?? 0, head = { status, headers: headerRecord(response) };
          if (request.streamBody && status >= 200 && status < 300) {
            settle2(
              () => resolve3({
                ...head,
                body: new Uint8Array(),
                stream: streamed(response, restartTimer, () => clearTimeout(timer), fail2)
              })
            );
            return;
          }
          request.method === "HEAD" && response.resume(), readBody(request.method === "HEAD" ? null : response, {
            method: request.method,
            url,
            status,
            maxBytes: request.maxBodyBytes
          }).then(
            (bytes) => {
              clearTimeout(timer), settle2(() => resolve3({ ...head, body: bytes }));
            },
            (error) => {
              clearTimeout(timer), response.destroy(), settle2(() => reject(fail2(error)));
            }
          );
        }), outgoing.end(body);
      });
    }
  };
}
function timeoutError(timeoutMs) {
  let error = new Error(`no answer within ${timeoutMs} ms`);
  return error.name = "TimeoutError", error;
}
function headerRecord(response) {
  let headers = {};
  for (let [name, value] of Object.entries(response.headers))
    value !== void 0 && (headers[name] = Array.isArray(value) ? value.join(", ") : value);
  return headers;
}
function streamed(response, onChunk, onEnd, describe2) {
  let out = new Transform({
    highWaterMark: 1048576,
    transform(chunk, _encoding, callback) {
      onChunk(), callback(null, chunk);
    }
  });
  return response.on("error", (error) => out.destroy(describe2(error))), response.on("close", () => {
    response.complete || out.destroy(describe2(prematureClose()));
  }), out.on("close", () => {
    onEnd(), response.complete || response.destroy();
  }), response.pipe(out), out;
}

// src/registry/transport/redirect.ts
var REDIRECT_STATUS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
function followRedirects(client, options = {}) {
  let maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  return {
    async send(first) {
      let request = first;
      for (let hops = 0; ; hops++) {
        let response = await client.send(request), location = response.headers.location;
        if (!REDIRECT_STATUS.has(response.status) || !location)
          return request.url === first.url ? response : { ...response, url: request.url };
        let fail2 = (detail) => new NetworkError(first.method, redactUrl(first.url), detail, {
          code: "BAD_REDIRECT",
          transient: !1
        }), next;
        try {
          next = new URL(location, request.url);
        } catch {
          throw fail2(`redirected to an unreadable location ${JSON.stringify(location.slice(0, 200))}`);
        }
        let current = new URL(request.url);
        if (next.protocol !== "http:" && next.protocol !== "https:")
          throw fail2(`redirected to ${next.protocol} URL, only http(s) is followed`);
        if (current.protocol === "https:" && next.protocol === "http:")
          throw fail2(`redirected from HTTPS to plain HTTP (${redactUrl(next.href)}): refused`);
        let sameOrigin = next.origin === current.origin;
        if (request.method !== "GET" && request.method !== "HEAD") {
          if (!sameOrigin)
            throw fail2(
              `redirected to ${redactUrl(next.href)}, another origin: a ${request.method} is only followed on the same origin`
            );
          if (response.status !== 307 && response.status !== 308)
            throw fail2(
              `answered ${response.status}, which would turn the ${request.method} into a GET: not followed`
            );
        }
        if (hops >= maxRedirects)
          throw fail2(`more than ${maxRedirects} redirects (the last to ${redactUrl(next.href)})`);
        let headers = Object.fromEntries(
          Object.entries(request.headers ?? {}).filter(
            ([name]) => sameOrigin || name.toLowerCase() !== "authorization"
          )
        );
        request = { ...request, url: next.href, headers };
      }
    }
  };
}

// src/registry/transport/retry.ts
var RETRY_STATUS = /* @__PURE__ */ new Set([408, 429, 500, 502, 503, 504]), sleep = (ms) => new Promise((resolve3) => setTimeout(resolve3, ms));
function parseRetryAfter(value, now = Date.now()) {
  if (!value) return;
  let trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1e3);
  let date = Date.parse(trimmed);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}
function withRetry(client, options = {}) {
  let attempts = options.attempts ?? 5, base = options.baseDelayMs ?? 200, max = options.maxDelayMs ?? 1e4, wait = options.sleep ?? sleep, random = options.random ?? Math.random, backoff = (attempt) => Math.min(max, base * 2 ** (attempt - 1) * (0.5 + random()));
  return {
    async send(request) {
      for (let attempt = 1; ; attempt++) {
        let response;
        try {
          response = await client.send(request);
        } catch (error) {
          if (!isTransientNetworkError(error)) throw error;
          if (attempt >= attempts) throw error instanceof NetworkError ? error.afterAttempts(attempt) : error;
          let delay2 = backoff(attempt);
          options.onRetry?.(error.message, delay2, attempt), await wait(delay2);
          continue;
        }
        if (!RETRY_STATUS.has(response.status) || attempt >= attempts) return response;
        let delay = Math.min(max, parseRetryAfter(response.headers["retry-after"]) ?? backoff(attempt));
        options.onRetry?.(`status ${response.status}`, delay, attempt), await wait(delay);
      }
    }
  };
}

// src/registry/transport/transport.ts
var RegistryAuthError = class extends Error {
  registry;
  constructor(registry, detail) {
    super(`registry ${registry}: ${detail}`), this.name = "RegistryAuthError", this.registry = registry;
  }
};
function createTransport(options) {
  let { registry, logger } = options, baseUrl = options.baseUrl ?? registryBaseUrl(registry), count = 0, raw = options.http ?? createHttpClient({ timeoutMs: options.timeoutMs }), http = withRetry(followRedirects({
    send: (request) => (count++, raw.send(request))
  }), {
    ...options.retry,
    onRetry: (reason, delay, attempt) => {
      logger?.debug(`registry ${registry}: retry ${attempt} after ${reason} in ${Math.round(delay)} ms`), options.retry?.onRetry?.(reason, delay, attempt);
    }
  }), challenge, credential, tokens = /* @__PURE__ */ new Map(), getCredential = () => credential ??= (options.credentials?.get(registry) ?? Promise.resolve(void 0)).then((found) => (found && logger?.setSecret("password" in found ? found.password : found.identityToken), found));
  async function authorization(scopes) {
    if (!challenge || challenge.scheme === "other") return;
    let found = await getCredential();
    if (challenge.scheme === "basic") {
      if (!found) throw missingCredentials();
      if (!("password" in found))
        throw new RegistryAuthError(registry, "basic auth needs a user and password");
      return basicAuthorization(found.username, found.password);
    }
    let key = [...scopes].sort().join(" "), token = tokens.get(key);
    if (!token) {
      let { realm, service } = challenge.params, problem = realmProblem(realm, baseUrl);
      if (problem) throw new RegistryAuthError(registry, problem);
      token = fetchBearerToken(http, { realm, service, scopes, credential: found }).then((value) => (logger?.setSecret(value), value)), tokens.set(key, token), token.catch(() => tokens.delete(key));
    }
    return `Bearer ${await token}`;
  }
  let missingCredentials = () => new RegistryAuthError(
    registry,
    `requires credentials and none were found (run "docker login ${registry}" or pass credentials)`
  );
  async function sendOnce(request, scopes) {
    let auth = await authorization(scopes), headers = { ...request.headers, ...auth ? { authorization: auth } : {} }, { path, ...rest } = request;
    return http.send({ ...rest, url: baseUrl + path, headers });
  }
  function refuseForeignChallenge(request, response) {
    if (!(!response.url || new URL(response.url).origin === new URL(baseUrl).origin))
      throw new RegistryAuthError(
        registry,
        `${request.method} ${redactUrl(baseUrl + request.path)} was redirected to ${redactUrl(response.url)}, which asks for credentials (401): the credentials for ${registry} are only sent to ${registry}`
      );
  }
  return {
    registry,
    baseUrl,
    requestCount: () => count,
    async send(request, scopes) {
      let response = await sendOnce(request, scopes);
      if (response.status !== 401) return response;
      refuseForeignChallenge(request, response);
      let hadChallenge = challenge, offered = parseChallenge(response.headers["www-authenticate"]);
      if (!offered || offered.scheme === "other")
        throw new RegistryError(request.method, baseUrl + request.path, 401, parseErrorBody(response.body));
      if (hadChallenge && hadChallenge.scheme === offered.scheme && offered.scheme === "basic") throw rejected();
      if (challenge = offered, tokens.clear(), response = await sendOnce(request, scopes), response.status === 401)
        throw refuseForeignChallenge(request, response), await getCredential() ? rejected() : missingCredentials();
      return response;
    }
  };
  function rejected() {
    return new RegistryAuthError(
      registry,
      "rejected the credentials (401 Unauthorized): wrong password or token, or no access to this repository"
    );
  }
}

// src/registry/credentials.ts
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join as join3 } from "node:path";
var DOCKER_HUB_CONFIG_KEY = "https://index.docker.io/v1/";
function normaliseConfigKey(key) {
  let host = key.replace(/^[a-z]+:\/\//i, "").split("/")[0];
  return host === "index.docker.io" || host === "registry-1.docker.io" ? DOCKER_HUB : host;
}
function givenCredentials(byRegistry) {
  let normalised = new Map(
    Object.entries(byRegistry).map(([key, value]) => [normaliseConfigKey(key), value])
  );
  return { get: async (registry) => normalised.get(registry) };
}
function chainCredentials(...sources) {
  return {
    async get(registry) {
      for (let source of sources) {
        let found = await source.get(registry);
        if (found) return found;
      }
    }
  };
}
function dockerConfigCredentials(options) {
  let env = options.env ?? process.env, dir = options.configDir ?? env.DOCKER_CONFIG ?? join3(homedir(), ".docker"), config, load = () => config ??= readDockerConfig(join3(dir, "config.json"));
  return {
    async get(registry) {
      let loaded = await load(), helper = findHelper(loaded, registry);
      if (helper) {
        let fromHelper = await runCredentialHelper(
          options.runner,
          helper,
          serverUrlFor(registry, loaded),
          env
        );
        if (fromHelper) return fromHelper;
      }
      return fromAuths(loaded, registry);
    }
  };
}
async function readDockerConfig(path) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return {};
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`the Docker config ${path} is not valid JSON: ${error.message}`);
  }
}
function findHelper(config, registry) {
  for (let [key, helper] of Object.entries(config.credHelpers ?? {}))
    if (normaliseConfigKey(key) === registry) return helper;
  return config.credsStore || void 0;
}
function serverUrlFor(registry, config) {
  return Object.keys({ ...config.auths, ...config.credHelpers }).find(
    (k) => normaliseConfigKey(k) === registry
  ) ?? (registry === DOCKER_HUB ? DOCKER_HUB_CONFIG_KEY : registry);
}
function fromAuths(config, registry) {
  for (let [key, entry] of Object.entries(config.auths ?? {}))
    if (normaliseConfigKey(key) === registry) {
      if (entry.identitytoken) return { identityToken: entry.identitytoken };
      if (entry.auth) {
        let decoded = Buffer.from(entry.auth, "base64").toString("utf8"), colon = decoded.indexOf(":");
        if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
      }
      if (entry.username && entry.password) return { username: entry.username, password: entry.password };
    }
}
async function runCredentialHelper(runner, helper, serverUrl, env) {
  let program = `docker-credential-${helper}`, result;
  try {
    result = await runner.run(program, ["get"], { input: serverUrl, env });
  } catch (error) {
    throw new Error(`credential helper ${program} could not be run: ${error.message}`);
  }
  if (result.exitCode !== 0) {
    if (/credentials not found/i.test(result.stdout + result.stderr)) return;
    throw new Error(`credential helper ${program} failed (exit ${result.exitCode}): ${result.stderr.trim()}`);
  }
  let parsed;
  try {
    parsed = JSON.parse(result.stdout);
  } catch {
    throw new Error(`credential helper ${program} printed something that is not JSON`);
  }
  if (parsed.Secret)
    return parsed.Username === "<token>" ? { identityToken: parsed.Secret } : { username: parsed.Username ?? "", password: parsed.Secret };
}

// src/registry/operations/blobs.ts
import { createHash as createHash2 } from "node:crypto";
import { pipeline, Readable, Transform as Transform2 } from "node:stream";

// src/registry/operations/session.ts
function createSession(transport) {
  return {
    baseUrl: transport.baseUrl,
    send: (request, scopes) => transport.send(request, scopes),
    fail(request, response, detail) {
      throw new RegistryError(
        request.method,
        transport.baseUrl + request.path,
        response.status,
        parseErrorBody(response.body),
        detail
      );
    }
  };
}
var pullScope = (repository) => `repository:${repository}:pull`, pushScope = (repository) => `repository:${repository}:pull,push`;

// src/registry/operations/blobs.ts
async function blobExists(session, repository, digest) {
  let request = { method: "HEAD", path: `/v2/${repository}/blobs/${digest}` }, response = await session.send(request, [pullScope(repository)]);
  return response.status === 404 ? !1 : (response.status !== 200 && session.fail(request, response), !0);
}
async function mountBlob(session, repository, digest, fromRepository) {
  let query = `mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(fromRepository)}`, request = {
    method: "POST",
    path: `/v2/${repository}/blobs/uploads/?${query}`,
    headers: { "content-length": "0" }
  }, response = await session.send(request, [pushScope(repository), pullScope(fromRepository)]);
  if (response.status === 201) return !0;
  response.status !== 202 && session.fail(request, response);
  let location = response.headers.location;
  if (location) {
    let url = new URL(location, session.baseUrl);
    await session.send({ method: "DELETE", path: url.pathname + url.search }, [pushScope(repository)]).catch(() => {
    });
  }
  return !1;
}
async function getBlob(session, repository, digest, maxBytes = BODY_LIMITS.configBlob) {
  let request = {
    method: "GET",
    path: `/v2/${repository}/blobs/${digest}`,
    maxBodyBytes: maxBytes
  }, response = await session.send(request, [pullScope(repository)]);
  return response.status === 404 && session.fail(request, response, `blob ${digest} does not exist in ${repository}`), response.status !== 200 && session.fail(request, response), digest.startsWith("sha256:") && sha256Digest(response.body) !== digest && session.fail(request, response, `the registry sent bytes that do not match ${digest}`), response.body;
}
var DIGEST = /^(sha256|sha512):([a-f0-9]+)$/;
async function openBlob(session, repository, digest, options = {}) {
  let request = {
    method: "GET",
    path: `/v2/${repository}/blobs/${digest}`,
    streamBody: !0
  }, algorithm = DIGEST.exec(digest)?.[1];
  if (!algorithm) throw new Error(`"${digest}" is not a sha256 or sha512 digest`);
  let response = await session.send(request, [pullScope(repository)]);
  response.status === 404 && session.fail(request, response, `blob ${digest} does not exist in ${repository}`), response.status !== 200 && session.fail(request, response);
  let source = response.stream ?? Readable.from([Buffer.from(response.body)]), problem = (detail) => new RegistryError(request.method, session.baseUrl + request.path, response.status, [], detail), declared = response.headers["content-length"], { expectedBytes } = options;
  if (expectedBytes !== void 0 && declared !== void 0 && Number(declared) !== expectedBytes)
    throw source.destroy(), problem(
      `the registry declares ${declared} bytes for ${digest}, whose descriptor says ${expectedBytes}`
    );
  let check = new DigestCheck(algorithm, digest, expectedBytes, problem);
  return pipeline(source, check, () => {
  }), check;
}
var DigestCheck = class extends Transform2 {
  constructor(algorithm, digest, expectedBytes, problem) {
    super({ highWaterMark: 1 << 20 });
    this.digest = digest;
    this.expectedBytes = expectedBytes;
    this.problem = problem;
    this.hash = createHash2(algorithm);
  }
  digest;
  expectedBytes;
  problem;
  hash;
  received = 0;
  _transform(chunk, _encoding, callback) {
    if (this.received += chunk.length, this.expectedBytes !== void 0 && this.received > this.expectedBytes) {
      callback(this.problem(`the registry sent more than the ${this.expectedBytes} bytes of ${this.digest}`));
      return;
    }
    this.hash.update(chunk), callback(null, chunk);
  }
  _flush(callback) {
    if (this.expectedBytes !== void 0 && this.received !== this.expectedBytes) {
      callback(
        this.problem(
          `the registry sent ${this.received} of the ${this.expectedBytes} bytes of ${this.digest}`
        )
      );
      return;
    }
    let actual = `${this.digest.slice(0, this.digest.indexOf(":"))}:${this.hash.digest("hex")}`;
    callback(
      actual === this.digest ? null : this.problem(`the registry sent bytes that do not match ${this.digest}`)
    );
  }
};
async function uploadBlob(session, repository, bytes) {
  if (bytes.length > BODY_LIMITS.uploadBlob)
    throw new Error(
      `a blob of ${bytes.length} bytes is over the ${limitText(BODY_LIMITS.uploadBlob)} uploaded from memory`
    );
  let digest = sha256Digest(bytes), start = {
    method: "POST",
    path: `/v2/${repository}/blobs/uploads/`,
    headers: { "content-length": "0" }
  }, opened = await session.send(start, [pushScope(repository)]);
  opened.status !== 202 && session.fail(start, opened);
  let location = opened.headers.location;
  location || session.fail(start, opened, "the registry opened an upload without a Location");
  let url = uploadUrl(location, session.baseUrl + start.path);
  (!url || url.origin !== new URL(session.baseUrl).origin) && session.fail(start, opened, "the upload Location is not on this registry: not followed"), url.searchParams.set("digest", digest);
  let finish2 = {
    method: "PUT",
    path: url.pathname + url.search,
    headers: { "content-type": "application/octet-stream", "content-length": String(bytes.length) },
    body: bytes
  }, stored = await session.send(finish2, [pushScope(repository)]);
  stored.status !== 201 && session.fail(finish2, stored);
  let named = stored.headers["docker-content-digest"];
  return named && named !== digest && session.fail(finish2, stored, `the registry stored digest ${named}, expected ${digest}`), digest;
}
function uploadUrl(location, base) {
  try {
    return new URL(location, base);
  } catch {
    return;
  }
}

// src/registry/operations/manifests.ts
var manifestPath = (repository, reference) => `/v2/${repository}/manifests/${reference}`;
async function getManifest(session, repository, reference) {
  let request = {
    method: "GET",
    path: manifestPath(repository, reference),
    headers: { accept: MANIFEST_ACCEPT },
    maxBodyBytes: BODY_LIMITS.manifest
  }, response = await session.send(request, [pullScope(repository)]);
  response.status === 404 && session.fail(request, response, `manifest ${repository}:${reference} does not exist`), response.status !== 200 && session.fail(request, response);
  let digest = sha256Digest(response.body);
  isDigest(reference) && reference.startsWith("sha256:") && reference !== digest && session.fail(
    request,
    response,
    `the registry sent bytes with digest ${digest}, not the ${reference} asked for`
  );
  let named = response.headers["docker-content-digest"];
  return named?.startsWith("sha256:") && named !== digest && session.fail(
    request,
    response,
    `the registry sent bytes with digest ${digest} but names them ${named} (Docker-Content-Digest)`
  ), {
    bytes: response.body,
    mediaType: detectMediaType(response.body, response.headers["content-type"]),
    digest
  };
}
async function headManifest(session, repository, reference) {
  let request = {
    method: "HEAD",
    path: manifestPath(repository, reference),
    headers: { accept: MANIFEST_ACCEPT }
  }, response = await session.send(request, [pullScope(repository)]);
  if (response.status === 404) return;
  response.status !== 200 && session.fail(request, response);
  let digest = response.headers["docker-content-digest"];
  if (digest && reference.startsWith("sha256:") && digest.startsWith("sha256:") && digest !== reference && session.fail(request, response, `the registry names digest ${digest}, not the ${reference} asked for`), !digest) {
    let manifest = await getManifest(session, repository, reference);
    return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length };
  }
  return {
    digest,
    mediaType: detectMediaType(new Uint8Array(), response.headers["content-type"]),
    size: Number(response.headers["content-length"] ?? 0)
  };
}
async function putManifest(session, repository, reference, manifest, tags = []) {
  let query = tags.length ? `?${tags.map((t) => `tag=${encodeURIComponent(t)}`).join("&")}` : "", request = {
    method: "PUT",
    path: manifestPath(repository, reference) + query,
    headers: { "content-type": manifest.mediaType },
    body: manifest.bytes
  }, response = await session.send(request, [pushScope(repository)]);
  response.status !== 201 && response.status !== 200 && session.fail(request, response);
  let digest = response.headers["docker-content-digest"] ?? manifest.digest;
  digest !== manifest.digest && session.fail(request, response, `the registry stored digest ${digest}, expected ${manifest.digest}`);
  let ociTags = response.headers["oci-tag"]?.split(",").map((t) => t.trim()).filter(Boolean);
  return { digest, ociTags };
}

// src/registry/operations/tags.ts
async function listTags(session, repository, options = {}) {
  let maxPages = options.maxPages ?? MAX_TAG_PAGES, tags = [], seen = /* @__PURE__ */ new Set(), path = `/v2/${repository}/tags/list?n=${options.pageSize ?? 1e3}`;
  for (; path; ) {
    let request = { method: "GET", path, maxBodyBytes: BODY_LIMITS.tagPage };
    if (seen.size >= maxPages) {
      let detail = `the tag list of ${repository} has more than ${maxPages} pages; stopped reading it`;
      throw new RegistryError("GET", session.baseUrl + path, void 0, [], detail);
    }
    seen.add(path);
    let response = await session.send(request, [pullScope(repository)]);
    if (response.status === 404 && seen.size === 1) return tags;
    response.status !== 200 && session.fail(request, response), tags.push(...readTagPage(response.body, (detail) => session.fail(request, response, detail))), path = nextPage(response.headers.link, session.baseUrl), path && seen.has(path) && session.fail(
      request,
      response,
      `the Link header leads back to ${path}, a page already read: the tag list does not end`
    );
  }
  return tags;
}
function readTagPage(body, fail2) {
  let parsed;
  try {
    parsed = JSON.parse(Buffer.from(body).toString("utf8"));
  } catch {
    fail2("the tag list is not JSON");
  }
  let tags = typeof parsed == "object" && parsed !== null ? parsed : {};
  return tags.tags === void 0 || tags.tags === null ? [] : ((!Array.isArray(tags.tags) || tags.tags.some((t) => typeof t != "string")) && fail2(`the tag list's "tags" is not a list of strings`), tags.tags);
}
function nextPage(link, baseUrl) {
  if (!link) return;
  let match = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link);
  if (!match) return;
  let url = new URL(match[1], baseUrl);
  return url.pathname + url.search;
}

// src/registry/client.ts
var TAG_WRITES_AT_ONCE = 4;
async function inParallel(items, limit, work) {
  let next = 0, errors = [], lane = async () => {
    for (; next < items.length; ) {
      let item = items[next++];
      await work(item).catch((error) => errors.push(error));
    }
  };
  if (await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane)), errors.length) throw errors[0];
}
function createRegistryClient(options) {
  let credentials = options.credentials ?? dockerConfigCredentials({ runner: options.runner ?? processRunner }), transport = createTransport({ ...options, credentials }), session = createSession(transport), supportsTagParameters = options.tagParameters === "auto" ? void 0 : !1;
  async function putTags(repository, manifest, tags) {
    if (tags.length === 0) return;
    let remaining = [...tags], worthProbing = supportsTagParameters === void 0 && tags.length >= 3;
    if (tags.length > 1 && (supportsTagParameters === !0 || worthProbing)) {
      let result = await putManifest(session, repository, manifest.digest, manifest, tags);
      supportsTagParameters = result.ociTags !== void 0, result.ociTags && (remaining = remaining.filter((t) => !result.ociTags?.includes(t)));
    }
    await inParallel(remaining, TAG_WRITES_AT_ONCE, (tag) => putManifest(session, repository, tag, manifest));
  }
  return {
    registry: options.registry,
    requestCount: () => transport.requestCount(),
    async ping(repository, push = !1) {
      let request = { method: "GET", path: "/v2/" }, scopes = repository ? [push ? pushScope(repository) : pullScope(repository)] : [], response = await session.send(request, scopes);
      response.status !== 200 && session.fail(request, response, "the registry API is not available here");
    },
    getManifest: (repository, reference) => getManifest(session, repository, reference),
    headManifest: (repository, reference) => headManifest(session, repository, reference),
    putManifest: (repository, reference, manifest, tags) => putManifest(session, repository, reference, manifest, tags),
    putTags,
    listTags: (repository) => listTags(session, repository, { pageSize: options.tagPageSize, maxPages: options.maxTagPages }),
    resolveTag: async (repository, tag) => (await headManifest(session, repository, tag))?.digest,
    blobExists: (repository, digest) => blobExists(session, repository, digest),
    getBlob: (repository, digest, blobOptions) => getBlob(session, repository, digest, blobOptions?.maxBytes),
    openBlob: (repository, digest, blobOptions) => openBlob(session, repository, digest, blobOptions),
    mountBlob: (repository, digest, from) => mountBlob(session, repository, digest, from),
    uploadBlob: (repository, bytes) => uploadBlob(session, repository, bytes)
  };
}

// src/publish/targets.ts
function registryWriters(options) {
  let clients = /* @__PURE__ */ new Map();
  return (registry) => {
    let client = clients.get(registry);
    return client || (client = createRegistryClient({ ...options, registry }), clients.set(registry, client)), client;
  };
}
function parseImages(images, input = "images") {
  let names = images.map((i) => i.trim()).filter(Boolean);
  if (names.length === 0) throw new InputError(input, "no image to publish to");
  let seen = /* @__PURE__ */ new Set();
  return names.map((name, index) => {
    let ref = parseImageInput(name, input, index + 1);
    if (ref.tag || ref.digest)
      throw new InputError(
        input,
        `"${name}" names a tag or digest; give the image name only, tags come from "tags"`,
        {
          line: index + 1
        }
      );
    let key = `${ref.registry}/${ref.repository}`;
    if (seen.has(key)) throw new InputError(input, `"${name}" is listed twice`, { line: index + 1 });
    return seen.add(key), ref;
  });
}
function splitReferences(references, input = "tags") {
  let byImage = /* @__PURE__ */ new Map();
  references.map((r) => r.trim()).filter(Boolean).forEach((text, index) => {
    let ref = parseImageInput(text, input, index + 1);
    if (!ref.tag || ref.digest)
      throw new InputError(input, `"${text}" needs a tag (and no digest)`, { line: index + 1 });
    let image = `${ref.registry}/${ref.repository}`;
    byImage.set(image, [...byImage.get(image) ?? [], ref.tag]);
  });
  let images = [...byImage.keys()];
  if (images.length === 0) throw new InputError(input, "no image references to publish");
  let tags = byImage.get(images[0]);
  for (let image of images) {
    let these = byImage.get(image);
    if (these.length !== tags.length || these.some((t) => !tags.includes(t)))
      throw new InputError(
        input,
        `${image} has tags ${these.join(", ")} but ${images[0]} has ${tags.join(", ")}: publish them separately`
      );
  }
  return { images, tags };
}

// src/publish/prepare.ts
async function preparePublish(options) {
  let targets = await prepareTargets(options), primaryTag = targets[0].plan.primary.tag;
  return {
    primaryTag,
    references: targets.map((t) => formatReference({ ...t.ref, tag: primaryTag })),
    targets,
    options
  };
}
async function prepareTargets(options) {
  let refs = parseImages(options.images);
  planPublish({ ...options, existingTags: [] });
  let targets = [];
  for (let ref of refs) {
    let image = `${ref.registry}/${ref.repository}`, writer = options.writers(ref.registry), before = writer.requestCount?.() ?? 0, existingTags;
    try {
      existingTags = await writer.listTags(ref.repository);
    } catch (error) {
      throw error instanceof RegistryAuthError ? new PublishError(image, error.message, { cause: error }) : new PublishError(image, `registry ${ref.registry} is not usable: ${describe(error)}`, {
        cause: error
      });
    }
    let plan = planPublish({ ...options, existingTags }), preflightRequests = (writer.requestCount?.() ?? 0) - before;
    targets.push({ ref, image, writer, existingTags, plan, preflightRequests });
  }
  return targets;
}
function describe(error) {
  if (!(error instanceof Error)) return String(error);
  let cause = error.cause;
  return cause?.code ? `${error.message} (${cause.code})` : error.message;
}

// src/publish/release-manifest.ts
var OCI_BLOB_TYPES = {
  "application/vnd.docker.container.image.v1+json": "application/vnd.oci.image.config.v1+json",
  "application/vnd.docker.image.rootfs.diff.tar.gzip": "application/vnd.oci.image.layer.v1.tar+gzip",
  "application/vnd.docker.image.rootfs.diff.tar": "application/vnd.oci.image.layer.v1.tar",
  "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip": "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip"
}, OCI_TYPES = /* @__PURE__ */ new Set([
  ...Object.values(OCI_BLOB_TYPES),
  "application/vnd.oci.image.layer.v1.tar+zstd",
  "application/vnd.oci.image.layer.nondistributable.v1.tar",
  "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd"
]);
function annotateManifest(source, annotations) {
  let unchanged = (reason) => ({ manifest: source, annotated: !1, reason }), parsed;
  try {
    parsed = JSON.parse(Buffer.from(source.bytes).toString("utf8"));
  } catch {
    return unchanged("the manifest is not JSON");
  }
  let kind = manifestKind(source.mediaType, parsed);
  if (!kind) return unchanged(`a ${source.mediaType} manifest cannot carry annotations`);
  let merged = { ...asStrings(parsed.annotations) ?? {}, ...annotations }, { schemaVersion: _schema, mediaType: _type, annotations: _old, ...rest } = parsed, body;
  if (kind === "index")
    body = { schemaVersion: 2, mediaType: MEDIA_TYPES.ociIndex, ...rest, annotations: merged };
  else {
    let config = toOci(parsed.config), layers = parsed.layers.map(toOci), unknown = [config, ...layers].find((d) => !d.mediaType || !OCI_TYPES.has(d.mediaType));
    if (unknown)
      return unchanged(`its blob type ${unknown.mediaType ?? "(none)"} has no OCI image equivalent`);
    body = {
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociManifest,
      ...rest,
      config,
      layers,
      annotations: merged
    };
  }
  let bytes = new TextEncoder().encode(JSON.stringify(body)), mediaType = kind === "index" ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.ociManifest;
  return { manifest: { bytes, mediaType, digest: sha256Digest(bytes) }, annotated: !0 };
}
function manifestKind(mediaType, parsed) {
  if (parsed.schemaVersion === 2) {
    if (mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerManifestList)
      return Array.isArray(parsed.manifests) ? "index" : void 0;
    if (mediaType === MEDIA_TYPES.ociManifest || mediaType === MEDIA_TYPES.dockerManifest)
      return parsed.config?.digest && Array.isArray(parsed.layers) ? "image" : void 0;
  }
}
function toOci(descriptor) {
  let mediaType = descriptor.mediaType && (OCI_BLOB_TYPES[descriptor.mediaType] ?? descriptor.mediaType);
  return { ...descriptor, mediaType };
}
function asStrings(value) {
  if (!(value === null || typeof value != "object" || Array.isArray(value)))
    return Object.fromEntries(
      Object.entries(value).filter(
        (entry) => typeof entry[1] == "string"
      )
    );
}

// src/publish/publish.ts
async function publish(options) {
  let { pushPrimary, ...rest } = options;
  return completePublish(await preparePublish(rest), pushPrimary);
}
async function completePublish(prepared, pushPrimary, after = {}) {
  let options = {
    ...prepared.options,
    localConfigDigest: after.localConfigDigest ?? prepared.options.localConfigDigest,
    cacheRefs: after.cacheRefs ?? prepared.options.cacheRefs
  }, logger = options.logger ?? silentLogger, registries = [];
  for (let [index, target] of prepared.targets.entries()) {
    let reference = prepared.references[index], before = target.writer.requestCount?.() ?? 0, existing = await alreadyThere(target, options.localConfigDigest);
    if (existing) {
      logger.info(`${reference} already holds this image (config ${options.localConfigDigest}): not pushing`), registries.push(await finish(target, existing, "unchanged", before, options, logger));
      continue;
    }
    logger.info(`pushing ${reference}`);
    let digest;
    try {
      ({ digest } = await pushPrimary(reference));
    } catch (error) {
      throw new PublishError(target.image, `pushing ${reference}: ${error.message}`, {
        cause: error
      });
    }
    let manifest = await readBack(target, digest);
    registries.push(await finish(target, manifest, "pushed", before, options, logger));
  }
  return summarise(registries, prepared.targets);
}
async function alreadyThere(target, localConfigDigest) {
  let tag = target.plan.primary.tag;
  if (!localConfigDigest || !target.existingTags.includes(tag)) return;
  let manifest = await target.writer.getManifest(target.ref.repository, tag).catch(() => {
  });
  return manifest && manifestConfigDigest(manifest.bytes) === localConfigDigest ? manifest : void 0;
}
async function promote(options) {
  let logger = options.logger ?? silentLogger, source = parsePromoteSource(options.source), sourceWriter = options.writers(source.registry), sourceRef = source.digest ?? source.tag, targetsRead = prepareTargets(options);
  targetsRead.catch(() => {
  });
  let found = await sourceWriter.getManifest(source.repository, sourceRef).catch((error) => {
    throw error instanceof RegistryError && error.status === 404 ? new InputError("promote-from", `${options.source} does not exist in the registry`) : error;
  }), manifest = options.annotations ? annotated(found, options.annotations, logger) : found, targets = await targetsRead;
  for (let target of targets)
    if (target.ref.registry !== source.registry) {
      let missing = await target.writer.getManifest(target.ref.repository, found.digest).then(
        () => {
        },
        (error) => error.message
      );
      if (missing !== void 0)
        throw new InputError(
          "promote-from",
          `${found.digest} is not in ${target.image} (${missing}); promote copies no blobs between registries, publish it there first`
        );
    }
  let registries = [];
  for (let target of targets) {
    let before = target.writer.requestCount?.() ?? 0;
    target.ref.registry === source.registry && target.ref.repository !== source.repository && await mountInto(target, source, manifest.bytes), logger.info(`promoting ${options.source} (${describePromoted(found, manifest)}) to ${target.image}`), registries.push(await finish(target, manifest, "write", before, options, logger));
  }
  return summarise(registries, targets);
}
function annotated(found, annotations, logger) {
  let result = annotateManifest(found, annotations);
  return result.annotated || logger.warning(`publishing ${found.digest} without annotations: ${result.reason}`), result.manifest;
}
function describePromoted(found, manifest) {
  return found.digest === manifest.digest ? found.digest : `${found.digest}, annotated as ${manifest.digest}`;
}
async function readBack(target, digest) {
  let { writer, ref, image, plan } = target;
  try {
    let byTag = await writer.getManifest(ref.repository, plan.primary.tag);
    return byTag.digest === digest ? byTag : await writer.getManifest(ref.repository, digest);
  } catch (error) {
    throw new PublishError(image, `reading back ${digest}: ${error.message}`, { cause: error });
  }
}
async function mountInto(target, source, bytes) {
  let client = target.writer;
  if (client.mountBlob) {
    for (let blob of manifestBlobs(bytes))
      if (!await client.mountBlob(target.ref.repository, blob.digest, source.repository))
        throw new PublishError(
          target.image,
          `the registry would not mount ${blob.digest} from ${source.repository}`
        );
  }
}
async function finish(target, manifest, primary, requestsBefore, options, logger) {
  let tags = await applyPlan({
    writer: target.writer,
    image: target.image,
    repository: target.ref.repository,
    manifest,
    plan: target.plan,
    existingTags: target.existingTags,
    primary,
    guardFloatingTags: options.guardFloatingTags ?? !0,
    verify: options.verify,
    lookFirst: options.lookFirst,
    logger
  }), cacheTags = (options.cacheRefs ?? []).filter((ref) => ref.image === target.image).map((ref) => ref.tag);
  cacheTags.length && await target.writer.putTags(target.ref.repository, manifest, cacheTags).catch(
    (error) => logger.warning(
      `cache ref ${target.image}:${cacheTags.join(",")} not written: ${error.message}`
    )
  );
  let after = target.writer.requestCount?.();
  return {
    image: target.image,
    registry: target.ref.registry,
    repository: target.ref.repository,
    digest: manifest.digest,
    mediaType: manifest.mediaType,
    tags,
    ...cacheTags.length ? { cacheTags } : {},
    manifest,
    requests: after === void 0 ? void 0 : target.preflightRequests + after - requestsBefore
  };
}
function summarise(registries, targets) {
  let notices = registries.flatMap(
    (r) => r.tags.filter((t) => t.reason).map((t) => `${r.image}:${t.tag} ${t.status}: ${t.reason}`)
  );
  return { digest: registries[0]?.digest ?? "", version: targets[0]?.plan.version, registries, notices };
}

// src/publish/docker-push.ts
function dockerPushPrimary(options) {
  let client = { runner: options.runner, docker: options.docker, env: options.env };
  return async (reference) => (options.sourceImage && options.sourceImage !== reference && await dockerTag(client, options.sourceImage, reference), dockerPush(client, reference, options.retry));
}

// src/publish/release.ts
function readReleaseInputs(get) {
  let text = get("reuse-commit").trim(), reuseCommit = "auto";
  if (text !== "" && text.toLowerCase() !== "auto")
    try {
      reuseCommit = parseBoolean("reuse-commit", text, !1) ? "commit" : "never";
    } catch {
      throw new InputError("reuse-commit", `"${text}" is not auto, true or false`);
    }
  return {
    reuseCommit,
    releaseAnnotations: parseBoolean("release-annotations", get("release-annotations"), !0)
  };
}
function commitTag(tags, sha) {
  let commit = sha.toLowerCase();
  if (/^[0-9a-f]{7,64}$/.test(commit))
    return tags.find(
      (tag) => [...tag.toLowerCase().matchAll(/[0-9a-f]+/g)].some(([run]) => run.length >= 7 && commit.startsWith(run))
    );
}
function decideReuse(question) {
  let { mode } = question, explicit = mode === "commit", no = (reason) => {
    if (explicit) throw new InputError("reuse-commit", `reuse-commit: true ${reason}`);
    return { look: !1, reason };
  };
  if (mode === "never") return { look: !1, reason: "reuse-commit is false" };
  if (question.promoteFrom) {
    if (explicit)
      throw new InputError(
        "reuse-commit",
        "reuse-commit: true and promote-from both say which image to publish: keep one"
      );
    return { look: !1, reason: "promote-from names the image" };
  }
  if (!question.push) return no("needs push: true (nothing is published without it)");
  if (!explicit && !question.release) return { look: !1, reason: "this run is not a release" };
  if (!question.commitTag)
    return no(
      `finds the image by a tag that names the commit, and no tag names ${question.commit} (add type=sha to tags)`
    );
  if (!explicit) {
    if (question.releaseArgs === void 0)
      return { look: !1, reason: "the Dockerfile could not be read" };
    if (question.releaseArgs.length > 0)
      return {
        look: !1,
        reason: `the Dockerfile declares ${question.releaseArgs.map((name) => `ARG ${name}`).join(" and ")}, so the release's image differs from the branch build's (reuse-commit: true reuses it anyway)`
      };
  }
  return { look: !0, tag: question.commitTag };
}
function releaseAnnotations(entries, created) {
  let annotations = {};
  for (let entry of entries) {
    let index = entry.indexOf("=");
    if (index <= 0) continue;
    let value = entry.slice(index + 1);
    value && (annotations[entry.slice(0, index)] = value);
  }
  return annotations["org.opencontainers.image.created"] = created, annotations;
}

// src/publish/inputs.ts
function readPublishInputs(get) {
  let promoteFrom = get("promote-from").trim() || void 0;
  promoteFrom && parsePromoteSource(promoteFrom);
  let extraImages = splitList(get("extra-images"));
  return extraImages.forEach((name, index) => {
    let ref = parseImageInput(name, "extra-images", index + 1);
    if (ref.tag || ref.digest)
      throw new InputError("extra-images", `"${name}" names a tag or digest; give the image name only`, {
        line: index + 1
      });
  }), {
    push: readBoolean(get, "push", !1),
    guardFloatingTags: readBoolean(get, "guard-floating-tags", !0),
    promoteFrom,
    extraImages,
    primaryTag: get("primary-tag").trim() || void 0,
    ...readReleaseInputs(get)
  };
}
function splitList(text) {
  return text.split(/[\n,]/).map((v) => v.trim()).filter(Boolean);
}
function readBoolean(get, name, fallback) {
  return parseBoolean(name, get(name), fallback);
}

// src/publish/result.ts
function publishedReferences(result) {
  return result.registries.flatMap(
    (r) => r.tags.filter((t) => t.status === "pushed" || t.status === "written" || t.status === "unchanged").map((t) => `${r.image}:${t.tag}`)
  );
}

// src/tags/environment-images.ts
var PLACEHOLDER = /\{([^{}\n]*)\}/g;
function expandImageTemplate(text, input, environment) {
  return text.replace(PLACEHOLDER, (match, name, offset) => {
    let line = text.slice(0, offset).split(`
`).length;
    if (name.trim() !== "env")
      throw new InputError(
        input,
        `unknown placeholder "${match}" in an image name; the one placeholder is {env}`,
        {
          line
        }
      );
    if (environment === void 0)
      throw new InputError(input, '"{env}" needs an environment (environment input, or --env)', { line });
    return environment;
  });
}
function parseRegistry(text) {
  let registry = text.trim().replace(/\/+$/, "");
  if (!registry) return;
  let fail2 = (detail) => {
    throw new InputError("registry", detail);
  };
  /^[a-z][a-z0-9+.-]*:\/\//i.test(registry) && fail2(
    `"${registry}" has a scheme; give the host alone (e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com)`
  );
  let parsed;
  try {
    parsed = parseReference(`${registry}/image`);
  } catch (error) {
    if (!(error instanceof InvalidReferenceError)) throw error;
    return fail2(
      `"${registry}" is not a registry: ${error.message.replace(/^invalid image reference "[^"]*": /, "")}`
    );
  }
  return (parsed.tag || parsed.digest || !hasRegistry(`${registry}/image`)) && fail2(
    `"${registry}" is not a registry host (a name with a "." or ":", or localhost), optionally with a path`
  ), registry;
}
function withDefaultRegistry(name, registry) {
  return registry && !hasRegistry(name) ? `${registry}/${name}` : name;
}
function hasRegistry(name) {
  let slash = name.indexOf("/");
  if (slash < 0) return !1;
  let first = name.slice(0, slash);
  return first.includes(".") || first.includes(":") || first === "localhost";
}

// src/registry/index.ts
var registry_exports = {};
__export(registry_exports, {
  BODY_LIMITS: () => BODY_LIMITS,
  DOCKER_HUB: () => DOCKER_HUB,
  InvalidReferenceError: () => InvalidReferenceError,
  MANIFEST_ACCEPT: () => MANIFEST_ACCEPT,
  MAX_REDIRECTS: () => MAX_REDIRECTS,
  MAX_TAG_PAGES: () => MAX_TAG_PAGES,
  MEDIA_TYPES: () => MEDIA_TYPES,
  NetworkError: () => NetworkError,
  RegistryAuthError: () => RegistryAuthError,
  RegistryError: () => RegistryError,
  chainCredentials: () => chainCredentials,
  createHttpClient: () => createHttpClient,
  createRegistryClient: () => createRegistryClient,
  createTransport: () => createTransport,
  detectMediaType: () => detectMediaType,
  dockerConfigCredentials: () => dockerConfigCredentials,
  followRedirects: () => followRedirects,
  formatReference: () => formatReference,
  givenCredentials: () => givenCredentials,
  indexManifests: () => indexManifests,
  isDigest: () => isDigest,
  isIndexMediaType: () => isIndexMediaType,
  isValidTag: () => isValidTag,
  manifestBlobs: () => manifestBlobs,
  manifestConfigDigest: () => manifestConfigDigest,
  manifestReference: () => manifestReference,
  nameAsWritten: () => nameAsWritten,
  nextPage: () => nextPage,
  normaliseConfigKey: () => normaliseConfigKey,
  parseChallenge: () => parseChallenge,
  parseReference: () => parseReference,
  parseRetryAfter: () => parseRetryAfter,
  registryApiHost: () => registryApiHost,
  registryBaseUrl: () => registryBaseUrl,
  repositoryName: () => repositoryName,
  sha256Digest: () => sha256Digest,
  withRetry: () => withRetry
});

// src/report/build-facts.ts
function buildFacts(steps, totalSeconds) {
  let built = steps.filter((step) => !isFromStep(step)), cachedSteps = built.filter((step) => step.cached).length;
  return {
    steps: built.map((step) => ({
      name: `${step.stage || step.position ? `[${[step.stage, step.position].filter(Boolean).join(" ")}] ` : ""}${step.instruction}`,
      instruction: step.instruction,
      cached: step.cached,
      seconds: step.durationSeconds
    })),
    cachedSteps,
    cacheHitRatio: built.length ? cachedSteps / built.length : void 0,
    totalSeconds,
    stepSeconds: built.reduce((sum, step) => sum + (step.durationSeconds ?? 0), 0)
  };
}
function layerBuildFacts(layers, steps) {
  let candidates = steps.filter((step) => !isFromStep(step)), used = /* @__PURE__ */ new Set(), cursor = 0;
  return layers.map((layer) => {
    if (layer.origin === "base") return {};
    let find = (same) => {
      let matches = (index) => !used.has(index) && same(layer.instruction, candidates[index].instruction);
      for (let i = cursor; i < candidates.length; i++) if (matches(i)) return i;
      for (let i = 0; i < cursor; i++) if (matches(i)) return i;
      return -1;
    }, found = find((history, step2) => normalise(history) === normalise(step2));
    if (found < 0 && (found = find(sameWithoutDetail)), found < 0) return {};
    used.add(found), cursor = found + 1;
    let step = candidates[found];
    return {
      cached: step.cached,
      durationSeconds: step.durationSeconds,
      ...normalise(step.instruction) !== normalise(layer.instruction) && { instruction: step.instruction }
    };
  });
}
var CLASSIC_COPY = /^(COPY|ADD) (?:file|dir|multi):[a-f0-9]+ in (\S+)\s*$/, FLAG = /\s--[a-z-]+(?:=\S*)?/g;
function sameWithoutDetail(history, step) {
  let stepText = normalise(step), classic = CLASSIC_COPY.exec(history.trim());
  if (classic) {
    let words = stepText.split(" ");
    return words[0] === classic[1] && words[words.length - 1] === classic[2];
  }
  return /^(COPY|ADD) /.test(stepText) && normalise(history) === stepText.replace(FLAG, "");
}
function normalise(instruction) {
  let text = instruction.replace(/\\\n/g, " ").replace(/\s+/g, " ").trim(), space = text.indexOf(" ");
  return space < 0 ? text.toUpperCase() : `${text.slice(0, space).toUpperCase()}${text.slice(space)}`;
}

// src/report/baseline.ts
function compareWithBaseline(current, baseline, label, sizes = {}) {
  let now = withSizes(current.layers, sizes.current), before = withSizes(baseline.layers, sizes.baseline), pairs = alignLayers(now, before), layers = now.map((layer) => ({
    change: "added",
    compressedBytes: layer.compressedBytes,
    uncompressedBytes: layer.uncompressedBytes
  })), matchedBaseline = /* @__PURE__ */ new Set();
  for (let [index, baselineIndex] of pairs) {
    matchedBaseline.add(baselineIndex);
    let layer = now[index], old = before[baselineIndex];
    layers[index] = {
      change: layer.diffId !== void 0 && layer.diffId === old.diffId ? "unchanged" : "changed",
      baselineIndex,
      compressedBytes: difference(layer.compressedBytes, old.compressedBytes),
      uncompressedBytes: difference(layer.uncompressedBytes, old.uncompressedBytes)
    };
  }
  let removed = before.flatMap(
    (layer, baselineIndex) => matchedBaseline.has(baselineIndex) ? [] : [
      {
        baselineIndex,
        instruction: layer.instruction,
        compressedBytes: layer.compressedBytes,
        uncompressedBytes: layer.uncompressedBytes
      }
    ]
  ), uncompressed = (layers2) => layers2.every((layer) => layer.uncompressedBytes !== void 0) && layers2.length ? layers2.reduce((sum, layer) => sum + (layer.uncompressedBytes ?? 0), 0) : void 0, nowUncompressed = uncompressed(now), beforeUncompressed = uncompressed(before);
  return {
    label,
    digest: baseline.digest,
    compressedBytes: baseline.compressedBytes,
    uncompressedBytes: beforeUncompressed,
    compressedDelta: difference(current.compressedBytes, baseline.compressedBytes),
    uncompressedDelta: difference(nowUncompressed, beforeUncompressed),
    layerCountDelta: current.layers.length - baseline.layers.length,
    baseImageChanged: baseChanged(current, baseline),
    layers,
    removed
  };
}
function alignLayers(now, before) {
  let byDiffId = lcs(
    now.length,
    before.length,
    (i, j) => now[i].diffId !== void 0 && now[i].diffId === before[j].diffId
  ), pairs = [], fromNow = 0, fromBefore = 0;
  for (let anchor of [...byDiffId, [now.length, before.length]]) {
    let gapNow = range(fromNow, anchor[0]), gapBefore = range(fromBefore, anchor[1]), byInstruction = lcs(
      gapNow.length,
      gapBefore.length,
      (i, j) => normalise(now[gapNow[i]].instruction) === normalise(before[gapBefore[j]].instruction)
    );
    for (let [i, j] of byInstruction) pairs.push([gapNow[i], gapBefore[j]]);
    anchor[0] < now.length && pairs.push(anchor), fromNow = anchor[0] + 1, fromBefore = anchor[1] + 1;
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}
function lcs(n, m, same) {
  let table2 = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i2 = n - 1; i2 >= 0; i2--)
    for (let j2 = m - 1; j2 >= 0; j2--)
      table2[i2][j2] = same(i2, j2) ? table2[i2 + 1][j2 + 1] + 1 : Math.max(table2[i2 + 1][j2], table2[i2][j2 + 1]);
  let pairs = [], i = 0, j = 0;
  for (; i < n && j < m; )
    same(i, j) ? (pairs.push([i, j]), i++, j++) : table2[i + 1][j] >= table2[i][j + 1] ? i++ : j++;
  return pairs;
}
function baseChanged(current, baseline) {
  if (current.base?.digest && baseline.base?.digest) return current.base.digest !== baseline.base.digest;
  let count = current.base?.layerCount ?? 0, before = baseline.base?.layerCount ?? 0;
  if (!count || !before) return;
  let ids = (model, n) => model.layers.slice(0, n).map((layer) => layer.diffId ?? "?").join(",");
  return ids(current, count) !== ids(baseline, before);
}
function withSizes(layers, uncompressed) {
  return layers.map((layer, index) => ({
    ...layer,
    uncompressedBytes: uncompressed?.[index] ?? layer.uncompressedBytes
  }));
}
function difference(a, b) {
  return a === void 0 || b === void 0 ? void 0 : a - b;
}
function range(from, to) {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

// src/report/format.ts
function formatBytes(bytes) {
  let units = ["B", "KiB", "MiB", "GiB", "TiB"], value = Math.abs(bytes), unit = 0;
  for (; value >= 1024 && unit < units.length - 1; )
    value /= 1024, unit++;
  let sign = bytes < 0 ? "-" : "";
  return unit === 0 ? `${bytes} B` : `${sign}${value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)} ${units[unit]}`;
}
function formatDelta(bytes) {
  return bytes === 0 ? "\xB10 B" : bytes > 0 ? `+${formatBytes(bytes)}` : formatBytes(bytes);
}
function formatPercent(ratio, digits = 1) {
  return `${(ratio * 100).toFixed(digits)}%`;
}
function formatSeconds(seconds) {
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s` : `${seconds.toFixed(1)} s`;
}

// src/report/checks/types.ts
var CHECK_NAMES = {
  "non-root": "Runs as non-root",
  healthcheck: "Has a HEALTHCHECK",
  "build-tools": "No build tools",
  "size-budget": "Size budget",
  "layer-count": "Layer count",
  efficiency: "Layer efficiency",
  vulnerabilities: "Vulnerability scan",
  "package-caches": "No package-manager caches",
  secrets: "No secret-looking files",
  "base-pinned": "Base image pinned by digest",
  "smoke-test": "Smoke test"
};
function row(id, level, outcome) {
  let status = outcome.skipped ? "skip" : outcome.violated ? level === "fail" ? "fail" : "warn" : "pass";
  return {
    id,
    name: CHECK_NAMES[id],
    status,
    detail: outcome.detail,
    level,
    ...outcome.log !== void 0 && { log: outcome.log }
  };
}
var ORDER2 = ["pass", "skip", "warn", "fail"];
function overallStatus(rows) {
  let worst = rows.reduce(
    (acc, r) => ORDER2.indexOf(r.status) > ORDER2.indexOf(acc) ? r.status : acc,
    "pass"
  );
  return worst === "skip" ? "pass" : worst;
}

// src/report/checks/rules.ts
var SEVERITIES = ["critical", "high", "medium", "low", "informational", "undefined"];
function severityCounts(counts) {
  let result = Object.fromEntries(SEVERITIES.map((name) => [name, 0]));
  for (let [key, value] of Object.entries(counts)) {
    let name = key.toLowerCase();
    SEVERITIES.includes(name) && typeof value == "number" && (result[name] = value);
  }
  return result;
}
function nonRoot(facts, policy) {
  let user = facts.model.user?.trim();
  if (facts.model.source === "unavailable")
    return row("non-root", policy.nonRoot?.level ?? "warn", {
      skipped: !0,
      detail: "image config not read"
    });
  let root = !user || /^(root|0)(:.*)?$/.test(user);
  return row("non-root", policy.nonRoot?.level ?? "warn", {
    violated: root,
    detail: root ? `runs as ${user || "root (no USER)"}` : `USER ${user}`
  });
}
function healthcheck(facts, policy) {
  let level = policy.healthcheck?.level ?? "warn";
  return facts.model.source === "unavailable" ? row("healthcheck", level, { skipped: !0, detail: "image config not read" }) : row("healthcheck", level, {
    violated: !facts.model.hasHealthcheck,
    detail: facts.model.hasHealthcheck ? "HEALTHCHECK set" : "no HEALTHCHECK in the image config"
  });
}
function findingCheck(id, kind, level, facts, allowedBytes) {
  if (!facts.contents) return row(id, level, { skipped: !0, detail: "needs layer contents (not read)" });
  let found = facts.contents.findings.filter((f) => f.kind === kind), counted = (f) => allowedBytes === void 0 ? f.files : f.ownBytes, total = found.reduce((sum, f) => sum + (allowedBytes === void 0 ? f.files : f.ownBytes), 0), violated = allowedBytes === void 0 ? total > 0 : total > allowedBytes, listed = found.filter((f) => counted(f) > 0).map(
    (f) => `${f.category} (${kind === "package-cache" ? formatBytes(f.ownBytes) : `${f.examples[0].path}${f.files > 1 ? ` +${f.files - 1}` : ""}`})`
  ).join(", ");
  return row(id, level, { violated, detail: listed || "none found" });
}
var buildTools = (facts, policy) => findingCheck("build-tools", "build-tool", policy.buildTools?.level ?? "warn", facts), secrets = (facts, policy) => findingCheck("secrets", "secret", policy.secrets?.level ?? "fail", facts), packageCaches = (facts, policy) => findingCheck(
  "package-caches",
  "package-cache",
  policy.packageCaches?.level ?? "warn",
  facts,
  policy.packageCaches?.maxBytes ?? 0
);
function layerCount(facts, policy) {
  let max = policy.layerCount?.max ?? 50, count = facts.model.layers.length, level = policy.layerCount?.level ?? "warn";
  return facts.model.source === "unavailable" ? row("layer-count", level, { skipped: !0, detail: "image not read" }) : row("layer-count", level, { violated: count > max, detail: `${count} layers (max ${max})` });
}
function efficiency(facts, policy) {
  let min = policy.efficiency?.min ?? 0.9, level = policy.efficiency?.level ?? "warn";
  if (!facts.contents)
    return row("efficiency", level, { skipped: !0, detail: "needs layer contents (not read)" });
  let { efficiency: value, reclaimableBytes } = facts.contents;
  return row("efficiency", level, {
    violated: value < min,
    detail: `${formatPercent(value)} (min ${formatPercent(min, 0)}), ${formatBytes(reclaimableBytes)} reclaimable`
  });
}
function sizeBudget(facts, policy) {
  let budget = policy.sizeBudget ?? {}, level = budget.level ?? "fail", problems = [], notes = [], compressed = facts.model.compressedBytes, uncompressed = facts.uncompressedBytes, limit = (value, max, what) => {
    max !== void 0 && (value === void 0 ? notes.push(`${what} unknown`) : value > max ? problems.push(`${what} ${formatBytes(value)} > ${formatBytes(max)}`) : notes.push(`${what} ${formatBytes(value)} \u2264 ${formatBytes(max)}`));
  };
  limit(compressed, budget.maxCompressedBytes, "compressed"), limit(uncompressed, budget.maxUncompressedBytes, "uncompressed");
  let growth = growthOf(facts);
  if (growth) {
    let floor = budget.growthFloorBytes ?? 10485760, maxPercent = budget.maxGrowthPercent ?? 10, percent = growth.before > 0 ? growth.delta / growth.before * 100 : 0, text = `${growth.what} ${formatDelta(growth.delta)} (${percent >= 0 ? "+" : ""}${percent.toFixed(1)}%) vs ${facts.baseline?.label}`, over = growth.delta >= floor && (budget.maxGrowthBytes !== void 0 && growth.delta > budget.maxGrowthBytes || percent > maxPercent);
    (over ? problems : notes).push(
      over ? `${text} > ${budget.maxGrowthBytes !== void 0 && growth.delta > budget.maxGrowthBytes ? formatBytes(budget.maxGrowthBytes) : `${maxPercent}%`}` : text
    );
  }
  return !problems.length && !notes.length ? row("size-budget", level, {
    skipped: !0,
    detail: "no budget set and no baseline to compare with"
  }) : row("size-budget", level, {
    violated: problems.length > 0,
    detail: [...problems, ...notes].join("; ")
  });
}
function growthOf(facts) {
  let baseline = facts.baseline;
  if (baseline) {
    if (baseline.compressedDelta !== void 0 && baseline.compressedBytes !== void 0)
      return { delta: baseline.compressedDelta, before: baseline.compressedBytes, what: "compressed" };
    if (baseline.uncompressedDelta !== void 0 && baseline.uncompressedBytes !== void 0)
      return { delta: baseline.uncompressedDelta, before: baseline.uncompressedBytes, what: "uncompressed" };
  }
}
function vulnerabilities(facts, policy) {
  let options = policy.vulnerabilities ?? {}, level = options.level ?? "fail", scan = facts.scan;
  if (!scan) return row("vulnerabilities", level, { skipped: !0, detail: "no scan results" });
  if (scan.status && !["COMPLETE", "ACTIVE"].includes(scan.status.toUpperCase()))
    return row("vulnerabilities", level, {
      skipped: !0,
      detail: `scan ${scan.status.toLowerCase().replace(/_/g, " ")}`
    });
  let atOrAbove = (severity) => SEVERITIES.slice(0, SEVERITIES.indexOf(severity) + 1).reduce((sum, name) => sum + scan.counts[name], 0), failing = atOrAbove(options.failAt ?? "critical"), warning = atOrAbove(options.warnAt ?? "high"), listed = SEVERITIES.filter((name) => scan.counts[name] > 0).map(
    (name) => `${scan.counts[name]} ${name}`
  ), detail = listed.length ? listed.join(", ") : "no findings";
  return failing > 0 ? row("vulnerabilities", level, { violated: !0, detail }) : { ...row("vulnerabilities", "warn", { violated: warning > 0, detail }), level };
}
function basePinned(facts, policy) {
  let level = policy.basePinned?.level ?? "warn", references = facts.fromReferences;
  if (!references)
    return row("base-pinned", level, { skipped: !0, detail: "Dockerfile FROM lines not given" });
  let floating = references.filter((reference) => !isPinned(reference)), images = references.filter((reference) => reference.trim().toLowerCase() !== "scratch");
  return row("base-pinned", level, {
    violated: floating.length > 0,
    detail: floating.length ? `by tag: ${floating.join(", ")}` : images.length ? `${images.length} FROM by digest` : "FROM scratch only"
  });
}
function isPinned(reference) {
  let text = reference.trim();
  if (text.toLowerCase() === "scratch") return !0;
  if (text.includes("$")) return !1;
  try {
    return parseReference(text).digest !== void 0;
  } catch {
    return !1;
  }
}

// src/report/checks/index.ts
var RULES = [
  ["non-root", "nonRoot", nonRoot],
  ["healthcheck", "healthcheck", healthcheck],
  ["build-tools", "buildTools", buildTools],
  ["package-caches", "packageCaches", packageCaches],
  ["secrets", "secrets", secrets],
  ["base-pinned", "basePinned", basePinned],
  ["size-budget", "sizeBudget", sizeBudget],
  ["layer-count", "layerCount", layerCount],
  ["efficiency", "efficiency", efficiency],
  ["vulnerabilities", "vulnerabilities", vulnerabilities]
];
function runChecks(facts, policy = {}) {
  return RULES.filter(([, key]) => policy[key]?.level !== "off").map(([, , rule]) => rule(facts, policy));
}

// src/report/cost.ts
var ECR_PRICE_PER_GB_MONTH = 0.1;
function monthlyStorageCost(bytes, pricePerGbMonth = 0.1) {
  return { bytes, pricePerGbMonth, monthlyUsd: bytes / 1024 ** 3 * pricePerGbMonth };
}
function formatUsd(amount) {
  return amount > 0 && amount < 0.01 ? `$${amount.toFixed(4)}` : `$${amount.toFixed(2)}`;
}

// src/report/smoke.ts
import { randomBytes } from "node:crypto";
var LOG_LINES = 200, LOG_BYTES = 16 * 1024;
async function runSmokeTest(options) {
  let docker = options.docker ?? "docker", now = options.now ?? Date.now, sleep2 = options.sleep ?? ((ms) => new Promise((resolve3) => setTimeout(resolve3, ms))), timeout = options.timeoutSeconds ?? 30, name = `image-build-smoke-${randomBytes(4).toString("hex")}`, run = (args) => options.runner.run(docker, args, { env: options.env }), started = now(), elapsed = () => (now() - started) / 1e3, health = options.healthcheck && !options.command ? ["--health-interval=1s", `--health-start-period=${timeout}s`] : [], created = await run([
    "run",
    "-d",
    "--name",
    name,
    `--network=${options.network ?? "none"}`,
    ...health,
    options.image
  ]);
  try {
    if (created.exitCode !== 0)
      return {
        passed: !1,
        detail: `could not start: ${firstLine(created.stderr)}`,
        seconds: elapsed(),
        log: created.stderr
      };
    let outcome = await waitForContainer(run, name, options, timeout, elapsed, sleep2);
    if (outcome.passed) return { ...outcome, seconds: elapsed() };
    let logs = await run(["logs", "--tail", String(LOG_LINES), name]);
    return { ...outcome, seconds: elapsed(), log: tail(`${logs.stdout}${logs.stderr}`) };
  } finally {
    await run(["rm", "-f", "-v", name]);
  }
}
async function waitForContainer(run, name, options, timeout, elapsed, sleep2) {
  let grace = Math.min(options.graceSeconds ?? 3, timeout), last = "not started";
  for (; ; ) {
    let inspected = await run(["inspect", "--format", "{{json .State}}", name]), state = inspected.exitCode === 0 ? parseState(inspected.stdout) : {}, healthStatus = state.Health?.Status;
    if (options.command && state.Running) {
      let probe = await run(["exec", name, ...options.command]);
      if (probe.exitCode === 0)
        return { passed: !0, detail: `probe exited 0 after ${elapsed().toFixed(1)} s` };
      last = `probe exited ${probe.exitCode}`;
    } else {
      if (healthStatus === "healthy")
        return { passed: !0, detail: `healthy after ${elapsed().toFixed(1)} s` };
      if (healthStatus === "unhealthy")
        return { passed: !1, detail: `HEALTHCHECK reported unhealthy after ${elapsed().toFixed(1)} s` };
      healthStatus && (last = `health ${healthStatus}`);
    }
    if (!state.Running) {
      let code = state.ExitCode ?? -1;
      return code === 0 && !options.command && !healthStatus ? { passed: !0, detail: "ran to completion (exit 0)" } : { passed: !1, detail: `exited with code ${code} after ${elapsed().toFixed(1)} s` };
    }
    if (!options.command && !healthStatus && elapsed() >= grace)
      return { passed: !0, detail: `still running after ${grace} s (no HEALTHCHECK or probe command)` };
    if (elapsed() >= timeout) return { passed: !1, detail: `not ready within ${timeout} s (${last})` };
    await sleep2((options.pollSeconds ?? 1) * 1e3);
  }
}
function smokeTestCheck(result, level = "fail") {
  return row("smoke-test", level, {
    violated: !result.passed,
    detail: result.detail,
    log: result.passed ? void 0 : result.log
  });
}
function parseState(text) {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
function firstLine(text) {
  return text.trim().split(`
`)[0]?.slice(0, 300) ?? "";
}
function tail(text) {
  return text.length > LOG_BYTES ? `\u2026
${text.slice(text.length - LOG_BYTES)}` : text;
}

// src/report/report.ts
function buildImageReport(input) {
  let { model, contents } = input, facts = input.build ? layerBuildFacts(model.layers, input.build.steps) : [], baseline = input.baseline ? compareWithBaseline(model, input.baseline.model, input.baseline.label, {
    current: contents?.layers.map((layer) => layer.uncompressedBytes),
    baseline: input.baseline.contents?.layers.map((layer) => layer.uncompressedBytes)
  }) : void 0, layers = model.layers.map((layer, index) => {
    let content = contents?.layers[index], built = facts[index] ?? {};
    return {
      ...layer,
      instruction: built.instruction ?? layer.instruction,
      uncompressedBytes: content?.uncompressedBytes ?? layer.uncompressedBytes,
      ...content && { files: content.files, reclaimableBytes: content.reclaimableBytes },
      ...built.cached !== void 0 && { cached: built.cached, durationSeconds: built.durationSeconds },
      ...baseline && { delta: baseline.layers[index] }
    };
  }), sizes = reportSizes(model, layers), policy = input.policy ?? {}, checks = runChecks(
    {
      model,
      contents,
      baseline,
      scan: input.scan,
      fromReferences: input.fromReferences,
      uncompressedBytes: sizes.uncompressedBytes
    },
    policy
  ), smokeLevel = policy.smokeTest?.level ?? "fail";
  input.smokeTest && smokeLevel !== "off" && checks.push(smokeTestCheck(input.smokeTest, smokeLevel));
  let notices = [...input.notices ?? []];
  model.historyMismatch && notices.push(
    "The image history does not match its layers one to one: instructions were aligned from the top layer down."
  );
  let { layers: _layerDeltas, ...baselineTotals } = baseline ?? { layers: [] }, { layers: _layerContents, ...contentSummary } = contents ?? { layers: [] };
  return {
    image: model.image,
    source: model.source,
    digest: model.digest,
    indexDigest: model.indexDigest,
    platform: model.platform,
    platforms: model.platforms,
    created: model.created,
    tags: input.tags ? [...input.tags] : model.tags.map((reference) => ({ reference })),
    user: model.user,
    hasHealthcheck: model.hasHealthcheck,
    base: model.base,
    sizes,
    layers,
    contents: contents ? contentSummary : void 0,
    build: input.build ? buildFacts(input.build.steps, input.build.totalSeconds) : void 0,
    baseline: baseline ? baselineTotals : void 0,
    checks,
    status: overallStatus(checks),
    cost: sizes.compressedBytes !== void 0 ? monthlyStorageCost(sizes.compressedBytes, input.pricePerGbMonth) : void 0,
    notices
  };
}
function unavailableImageModel(image, tags = []) {
  return { image, source: "unavailable", tags: [...tags], configBytes: 0, layers: [], hasHealthcheck: !1 };
}
function reportSizes(model, layers) {
  let sum = (list, pick) => list.every((layer) => pick(layer) !== void 0) ? list.reduce((total, layer) => total + (pick(layer) ?? 0), 0) : void 0, split = (list) => ({
    compressedBytes: sum(list, (layer) => layer.compressedBytes),
    uncompressedBytes: sum(list, (layer) => layer.uncompressedBytes),
    layerCount: list.length
  }), baseCount = model.base?.layerCount ?? 0;
  return {
    compressedBytes: model.compressedBytes,
    uncompressedBytes: layers.length ? sum(layers, (layer) => layer.uncompressedBytes) : void 0,
    configBytes: model.configBytes,
    layerCount: layers.length,
    ...baseCount > 0 && { base: split(layers.slice(0, baseCount)), own: split(layers.slice(baseCount)) }
  };
}

// src/report/render/blocks.ts
var utf8Bytes = (text) => Buffer.byteLength(text, "utf8"), characters = (text) => text.length;
function fitBlocks(blocks, options) {
  let texts = blocks.map((block) => block.text), sizes = texts.map((text2) => options.measure(text2)), total = () => sizes.reduce((sum, size) => sum + (size ? size + 2 : 0), 0), join6 = () => texts.filter(Boolean).join(`

`) + `
`;
  if (total() <= options.limit) return join6();
  let cut = 0, room = () => options.limit - options.measure(options.note(Math.max(cut, 1))) - 4, set = (index, text2) => {
    texts[index] = text2, sizes[index] = options.measure(text2), cut++;
  }, order = [...blocks.keys()].sort((a, b) => blocks[b].priority - blocks[a].priority || b - a);
  for (let index of order) {
    if (total() <= room()) break;
    let short = blocks[index].short;
    short !== void 0 && texts[index] !== short && set(index, short);
  }
  for (let index of order) {
    if (total() <= room()) break;
    blocks[index].priority > 0 && texts[index] && set(index, "");
  }
  let text = join6();
  return options.measure(text) > room() && (text = cutAtLine(text, room(), options.measure)), `${text.trimEnd()}

${options.note(Math.max(cut, 1))}
`;
}
function cutAtLine(text, room, measure) {
  let lines = text.split(`
`), kept = [], size = 0, fence, details2 = 0;
  for (let line of lines) {
    let cost = measure(line) + 1, closing = (fence ? measure(fence) + 1 : 0) + details2 * 11;
    if (size + cost + closing > room) break;
    kept.push(line), size += cost;
    let fenceMatch = /^(`{3,})/.exec(line);
    fenceMatch && (fence = fence && fenceMatch[1].length >= fence.length ? void 0 : fence ?? fenceMatch[1]), !fence && line.startsWith("<details") && details2++, !fence && line.startsWith("</details>") && details2--;
  }
  for (fence && kept.push(fence); details2 > 0; details2--) kept.push("</details>");
  return kept.join(`
`);
}

// src/report/render/escape.ts
var INVISIBLE = (
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g
), PUNCTUATION = /[\\`*_{}[\]<>()#!|~&$]/g;
function mdText(text, max = 1 / 0) {
  return truncate(text.replace(INVISIBLE, "").replace(/\s+/g, " ").trim(), max).replace(PUNCTUATION, (char) => `\\${char}`).replace(/^[-+=>]/, "\\$&").replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2").replace(/@(?=[\w-])/g, "@\u200D").replace(/#(?=\d)/g, "#\u200D").replace(/:(?=\/\/)/g, ":\u200D").replace(/\b(www)\./gi, "$1\u200D.");
}
function commentSafe(text) {
  return text.replace(/[^A-Za-z0-9._/:+=-]/g, "_").replace(/-{2,}/g, "-");
}
function codeBlock(text, language = "") {
  let clean = text.replace(/\r\n?/g, `
`).replace(/[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, ""), longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length)), fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${language}
${clean.replace(/\n+$/, "")}
${fence}`;
}
function terminalText(text, max = 1 / 0) {
  return truncate(text.replace(INVISIBLE, "").replace(/\s+/g, " ").trim(), max);
}
function truncate(text, max) {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  return end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1]) && end--, `${text.slice(0, end)}\u2026`;
}

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
function markdownTable(table2, options) {
  let settings = options || {}, align = (settings.align || []).concat(), stringLength = settings.stringLength || defaultStringLength, alignments = [], cellMatrix = [], sizeMatrix = [], longestCellByColumn = [], mostCellsPerRow = 0, rowIndex = -1;
  for (; ++rowIndex < table2.length; ) {
    let row3 = [], sizes2 = [], columnIndex2 = -1;
    for (table2[rowIndex].length > mostCellsPerRow && (mostCellsPerRow = table2[rowIndex].length); ++columnIndex2 < table2[rowIndex].length; ) {
      let cell = serialize(table2[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== !1) {
        let size = stringLength(cell);
        sizes2[columnIndex2] = size, (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) && (longestCellByColumn[columnIndex2] = size);
      }
      row3.push(cell);
    }
    cellMatrix[rowIndex] = row3, sizeMatrix[rowIndex] = sizes2;
  }
  let columnIndex = -1;
  if (typeof align == "object" && "length" in align)
    for (; ++columnIndex < mostCellsPerRow; )
      alignments[columnIndex] = toAlignment(align[columnIndex]);
  else {
    let code = toAlignment(align);
    for (; ++columnIndex < mostCellsPerRow; )
      alignments[columnIndex] = code;
  }
  columnIndex = -1;
  let row2 = [], sizes = [];
  for (; ++columnIndex < mostCellsPerRow; ) {
    let code = alignments[columnIndex], before = "", after = "";
    code === 99 ? (before = ":", after = ":") : code === 108 ? before = ":" : code === 114 && (after = ":");
    let size = settings.alignDelimiters === !1 ? 1 : Math.max(
      1,
      longestCellByColumn[columnIndex] - before.length - after.length
    ), cell = before + "-".repeat(size) + after;
    settings.alignDelimiters !== !1 && (size = before.length + size + after.length, size > longestCellByColumn[columnIndex] && (longestCellByColumn[columnIndex] = size), sizes[columnIndex] = size), row2[columnIndex] = cell;
  }
  cellMatrix.splice(1, 0, row2), sizeMatrix.splice(1, 0, sizes), rowIndex = -1;
  let lines = [];
  for (; ++rowIndex < cellMatrix.length; ) {
    let row3 = cellMatrix[rowIndex], sizes2 = sizeMatrix[rowIndex], cellsInRow = settings.fillRows === !1 ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    let line = [];
    for (; ++columnIndex < cellsInRow; ) {
      let cell = row3[columnIndex] || "", before = "", after = "";
      if (settings.alignDelimiters !== !1) {
        let size = longestCellByColumn[columnIndex] - (sizes2[columnIndex] || 0), code = alignments[columnIndex];
        if (code === 114)
          before = " ".repeat(size);
        else if (code === 99) {
          let half = size / 2;
          size % 2 ? (before = " ".repeat(half + 0.5), after = " ".repeat(half - 0.5)) : (before = " ".repeat(half), after = before);
        } else
          after = " ".repeat(size);
      }
      settings.delimiterStart !== !1 && !columnIndex && line.push("|"), settings.padding !== !1 && // Don’t add the opening space if we’re not aligning and the cell is
      // empty: there will be a closing space.
      !(settings.alignDelimiters === !1 && cell === "") && (settings.delimiterStart !== !1 || columnIndex) && line.push(" "), settings.alignDelimiters !== !1 && line.push(before), line.push(cell), settings.alignDelimiters !== !1 && line.push(after), settings.padding !== !1 && line.push(" "), (settings.delimiterEnd !== !1 || columnIndex !== cellsInRow - 1) && line.push("|");
    }
    lines.push(
      settings.delimiterEnd === !1 ? line.join("").replace(/ +$/, "") : line.join("")
    );
  }
  return lines.join(`
`);
}
function serialize(value) {
  return value == null ? "" : String(value);
}
function toAlignment(value) {
  let code = typeof value == "string" ? value.codePointAt(0) : 0;
  return code === 67 || code === 99 ? 99 : code === 76 || code === 108 ? 108 : code === 82 || code === 114 ? 114 : 0;
}

// src/report/render/markdown-parts.ts
var STATUS_ICON = { pass: "\u2705", warn: "\u26A0\uFE0F", fail: "\u274C", skip: "\u2796" }, SOURCE_TEXT = {
  registry: "registry (manifest and config; nothing pulled)",
  engine: "engine (after load)",
  "docker-save": "`docker save` tarball",
  "oci-layout": "OCI layout exported by the build",
  blobs: "registry blobs",
  unavailable: "not readable: no sizes"
}, bytesOrUnknown = (bytes) => bytes === void 0 ? "unknown" : formatBytes(bytes);
function table(header, rows, align) {
  return markdownTable([header, ...rows], { align, alignDelimiters: !1 });
}
function details(summary, body) {
  return `<details><summary>${summary}</summary>

${body}

</details>`;
}
function digestText(digest) {
  return /^sha256:[a-f0-9]{64}$/.test(digest) ? `\`${digest}\`` : mdText(digest, 100);
}

// src/report/render/details.ts
function largestFilesBlock(report, options) {
  let files = report.contents?.largestOwnFiles ?? [];
  if (!files.length) return { text: "", priority: 3 };
  let render = (count) => details(
    `Largest files added by the image's own layers (${Math.min(count, files.length)})`,
    table(
      ["Path", "Size", "Layer"],
      files.slice(0, count).map((file) => [mdText(file.path, 200), formatBytes(file.bytes), String(file.layer + 1)]),
      ["l", "r", "r"]
    )
  );
  return { text: render(options.condensed ? 10 : 25), short: render(5), priority: 3 };
}
function wasteBlock(report, options) {
  let contents = report.contents;
  if (!contents || !contents.wastedPaths.length) return { text: "", priority: 2 };
  let render = (count) => details(
    `Waste: ${formatBytes(contents.reclaimableBytes)} reclaimable (efficiency ${formatPercent(contents.efficiency)})`,
    table(
      ["Path", "Reclaimable", "Written/deleted", "Last by layer", "Now"],
      contents.wastedPaths.slice(0, count).map((path) => [
        mdText(path.path, 200),
        formatBytes(path.reclaimableBytes),
        `${path.occurrences}\xD7`,
        String(path.layer + 1),
        path.deleted ? "deleted" : "kept"
      ]),
      ["l", "r", "r", "r", "l"]
    )
  );
  return { text: render(options.condensed ? 10 : 25), short: render(5), priority: 2 };
}
function duplicatesBlock(report, options) {
  let groups = report.contents?.duplicates ?? [];
  if (!groups.length) return { text: "", priority: 4 };
  let total = groups.reduce((sum, group) => sum + group.wastedBytes, 0), render = (count) => details(
    `Duplicate files: ${formatBytes(total)} in extra copies`,
    table(
      ["Size", "Copies", "Paths"],
      groups.slice(0, count).map((group) => [
        formatBytes(group.bytes),
        String(group.paths.length),
        group.paths.slice(0, 5).map((file) => mdText(file.path, 120)).join("<br>") + (group.paths.length > 5 ? `<br>\u2026 ${group.paths.length - 5} more` : "")
      ]),
      ["r", "r", "l"]
    ) + (groups.some((group) => !group.verified) ? `

Unverified groups matched on size and first and last 4 KiB only.` : "")
  );
  return { text: render(options.condensed ? 5 : 20), short: render(3), priority: 4 };
}
function findingsBlock(report) {
  let findings = report.contents?.findings ?? [];
  if (!findings.length) return { text: "", priority: 3 };
  let rows = findings.map((finding) => [
    finding.kind.replace("-", " "),
    mdText(finding.category, 60),
    String(finding.files),
    formatBytes(finding.bytes),
    formatBytes(finding.ownBytes),
    mdText(finding.examples[0]?.path ?? "", 120)
  ]);
  return {
    text: details(
      "Files the checks flagged",
      table(["Kind", "What", "Files", "Bytes", "In own layers", "Largest"], rows, [
        "l",
        "l",
        "r",
        "r",
        "r",
        "l"
      ])
    ),
    priority: 3
  };
}
function stepsBlock(report) {
  let steps = report.build?.steps ?? [];
  return steps.length ? {
    text: details(
      `Build steps (${steps.length})`,
      table(
        ["Step", "Time", "Cached"],
        steps.map((step) => [
          mdText(step.name, 160),
          step.seconds === void 0 || step.cached ? "" : formatSeconds(step.seconds),
          step.cached ? "yes" : "no"
        ]),
        ["l", "r", "c"]
      )
    ),
    priority: 5
  } : { text: "", priority: 5 };
}
function logsBlock(report) {
  let logged = report.checks.filter((check) => check.log && check.status !== "pass");
  return logged.length ? {
    text: logged.map((check) => details(`${check.name}: output`, codeBlock(check.log ?? ""))).join(`

`),
    short: logged.map(
      (check) => details(`${check.name}: output (last lines)`, codeBlock(lastLines(check.log ?? "", 30)))
    ).join(`

`),
    priority: 2
  } : { text: "", priority: 2 };
}
function lastLines(text, count) {
  return text.trimEnd().split(`
`).slice(-count).join(`
`);
}

// src/report/render/headline.ts
function statusLine(report) {
  let count = (status) => report.checks.filter((check) => check.status === status).length;
  return `**Checks:** ${[
    count("fail") && `${STATUS_ICON.fail} ${count("fail")} failed`,
    count("warn") && `${STATUS_ICON.warn} ${count("warn")} ${count("warn") === 1 ? "warning" : "warnings"}`,
    count("pass") && `${count("fail") || count("warn") ? "" : `${STATUS_ICON.pass} `}${count("pass")} passed`,
    count("skip") && `${count("skip")} skipped`
  ].filter(Boolean).join(" \xB7 ") || "none run"}`;
}
function titleBlock(report) {
  let platform = report.platform ? ` (${mdText(report.platform, 40)})` : "";
  return `### Image ${mdText(report.image, 200)}${platform}

${statusLine(report)}`;
}
function headlineBlock(report, options) {
  let { sizes, baseline } = report, versus = baseline ? ` vs ${mdText(baseline.label, 80)}` : "", delta = (value) => value === void 0 || !baseline ? "" : ` (${formatDelta(value)}${versus})`, rows = [], compressedNote = sizes.compressedBytes === void 0 && report.source !== "unavailable" ? " (layers read uncompressed; known after push)" : "";
  rows.push([
    "Compressed size (pull)",
    `${bytesOrUnknown(sizes.compressedBytes)}${compressedNote}${delta(baseline?.compressedDelta)}`
  ]), rows.push([
    "Uncompressed size (on disk)",
    `${bytesOrUnknown(sizes.uncompressedBytes)}${delta(baseline?.uncompressedDelta)}`
  ]);
  let split = sizes.base && sizes.own ? ` (${sizes.base.layerCount} base, ${sizes.own.layerCount} own)` : "", layerDelta = baseline && baseline.layerCountDelta !== 0 ? ` (${baseline.layerCountDelta > 0 ? "+" : ""}${baseline.layerCountDelta}${versus})` : "";
  if (rows.push(["Layers", `${sizes.layerCount}${split}${layerDelta}`]), report.base) {
    let name = report.base.name ? mdText(report.base.name, 120) : "located by layers", share = sizes.base ? `: ${bytesOrUnknown(sizes.base.compressedBytes)} compressed, ${bytesOrUnknown(sizes.base.uncompressedBytes)} uncompressed` : "", changed = baseline?.baseImageChanged ? ` \xB7 ${STATUS_ICON.warn} changed since ${mdText(baseline.label, 80)}` : "";
    rows.push(["Base image", `${name}${share}${changed}`]);
  }
  if (report.contents && rows.push([
    "Efficiency",
    `${formatPercent(report.contents.efficiency)} \xB7 ${formatBytes(report.contents.reclaimableBytes)} reclaimable`
  ]), report.build) {
    let { build } = report, time = build.totalSeconds !== void 0 ? formatSeconds(build.totalSeconds) : `${formatSeconds(build.stepSeconds)} (\u03A3 step times)`, cache = build.cacheHitRatio !== void 0 ? `, ${build.cachedSteps}/${build.steps.length} steps cached (${formatPercent(build.cacheHitRatio, 0)})` : "";
    rows.push(["Build time", `${time}${cache}`]);
  }
  return report.cost && rows.push([
    "Storage cost",
    `${formatUsd(report.cost.monthlyUsd)}/month at $${report.cost.pricePerGbMonth.toFixed(2)} per GB-month`
  ]), report.digest && rows.push(["Digest", digestText(report.digest)]), report.platforms && report.platforms.length > 1 && rows.push([
    "Platforms",
    report.platforms.slice(0, 20).map(
      (p) => `${mdText(p.platform, 40)}${p.compressedBytes !== void 0 ? ` ${formatBytes(p.compressedBytes)}` : ""}`
    ).join(" \xB7 ") + (report.platforms.length > 20 ? ` \xB7 \u2026 ${report.platforms.length - 20} more` : "")
  ]), !options.condensed && report.tags.length && rows.push([
    "Tags",
    report.tags.slice(0, 20).map(
      (tag) => `${mdText(tag.reference, 200)}${tag.outcome ? ` (${tag.outcome}${tag.reason ? `: ${mdText(tag.reason, 120)}` : ""})` : ""}`
    ).join("<br>") + (report.tags.length > 20 ? `<br>\u2026 ${report.tags.length - 20} more` : "")
  ]), rows.push(["Read from", SOURCE_TEXT[report.source]]), table(["", ""], rows, ["l", "l"]);
}
function noticesBlock(report) {
  return report.notices.length ? ["> [!NOTE]", ...report.notices.map((notice) => `> ${mdText(notice, 500)}`)].join(`
`) : "";
}
function checksBlock(report, options) {
  if (!report.checks.length) return { text: "", priority: 1 };
  let rows = (checks) => checks.map((check) => [
    STATUS_ICON[check.status],
    check.name,
    mdText(check.detail, options.condensed ? 200 : 400)
  ]), text = `#### Checks

${table(["", "Check", "Result"], rows(report.checks), ["c", "l", "l"])}`, notPassed = report.checks.filter((check) => check.status === "fail" || check.status === "warn"), short = `#### Checks

${notPassed.length ? table(["", "Check", "Result"], rows(notPassed), ["c", "l", "l"]) : "All checks passed."}`;
  return { text, short, priority: 0 };
}
var SIZE_LEGEND = "<sub>Compressed: what a pull transfers and the registry stores (config + layers). Uncompressed: what the layers unpack to. 1 MiB = 1,048,576 bytes.</sub>";

// src/report/render/layers.ts
function layerDeltaText(layer) {
  let delta = layer.delta;
  if (!delta) return "";
  let bytes = delta.compressedBytes ?? delta.uncompressedBytes;
  return delta.change === "unchanged" ? "=" : delta.change === "added" ? `new${bytes !== void 0 ? ` ${formatDelta(bytes)}` : ""}` : bytes === void 0 ? "changed" : bytes === 0 ? "rebuilt \xB10" : formatDelta(bytes);
}
function layersBlock(report, options) {
  if (!report.layers.length) return { text: "", priority: 1 };
  let withBaseline = !!report.baseline, withBuild = report.layers.some((layer) => layer.cached !== void 0), withOrigin = !!report.sizes.base, header = ["#", "Instruction", "Compressed", "Uncompressed"], align = ["r", "l", "r", "r"], column = (title, alignment) => {
    header.push(title), align.push(alignment);
  };
  withBaseline && column("\u0394", "r"), withBuild && (column("Cached", "c"), column("Time", "r")), withOrigin && column("Origin", "l");
  let rowOf = (layer, max) => {
    let row2 = [
      String(layer.index + 1),
      mdText(layer.instruction, max),
      bytesOrUnknown(layer.compressedBytes),
      bytesOrUnknown(layer.uncompressedBytes)
    ];
    return withBaseline && row2.push(layerDeltaText(layer).replace(/ /g, "\xA0")), withBuild && (row2.push(layer.cached === void 0 ? "" : layer.cached ? "yes" : "no"), row2.push(
      layer.durationSeconds === void 0 || layer.cached ? "" : formatSeconds(layer.durationSeconds)
    )), withOrigin && row2.push(layer.origin), row2;
  }, render = (layers, max, note2) => `#### Layers

${table(
    header,
    layers.map((layer) => rowOf(layer, max)),
    align
  )}${note2}${removedText(report)}`, text = render(report.layers, 160, ""), changed = report.layers.filter((layer) => layer.delta && layer.delta.change !== "unchanged"), selection = withBaseline ? changed : [...report.layers].sort(
    (a, b) => (b.compressedBytes ?? b.uncompressedBytes ?? 0) - (a.compressedBytes ?? a.uncompressedBytes ?? 0)
  ).slice(0, 10).sort((a, b) => a.index - b.index), hidden = report.layers.length - selection.length, note = hidden ? `

${hidden} ${withBaseline ? "unchanged " : "smaller "}layer${hidden === 1 ? "" : "s"} not shown.` : "", short = withBaseline && !changed.length ? `#### Layers

No layer changed since ${mdText(report.baseline?.label ?? "", 80)}.${removedText(report)}` : render(selection, 100, note);
  return options.condensed ? { text: short, priority: 0 } : { text, short, priority: 0 };
}
function removedText(report) {
  let removed = report.baseline?.removed ?? [];
  if (!removed.length) return "";
  let items = removed.slice(0, 20).map(
    (layer) => `- ${mdText(layer.instruction, 120)} (${bytesOrUnknown(layer.compressedBytes ?? layer.uncompressedBytes)})`
  );
  return `

Removed since ${mdText(report.baseline?.label ?? "", 80)}:

${items.join(`
`)}${removed.length > 20 ? `
- \u2026 ${removed.length - 20} more` : ""}`;
}
function chartBlock(report) {
  let layers = report.layers, compressed = layers.every((layer) => layer.compressedBytes !== void 0), size = (layer) => compressed ? layer.compressedBytes : layer.uncompressedBytes;
  if (layers.length < 2 || layers.length > 80 || layers.some((layer) => size(layer) === void 0)) return "";
  let mib = (layer) => Number(((size(layer) ?? 0) / 1048576).toFixed(2)), series = (origin) => layers.map((layer) => layer.origin === origin ? mib(layer) : 0).join(", ");
  return `\`\`\`mermaid
${[
    "xychart-beta",
    `    title "${compressed ? "Compressed" : "Uncompressed"} size by layer (MiB)${report.sizes.base ? ": base, then own" : ""}"`,
    `    x-axis [${layers.map((layer) => `"${layer.index + 1}"`).join(", ")}]`,
    '    y-axis "MiB"',
    ...report.sizes.base ? [`    bar [${series("base")}]`] : [],
    `    bar [${series("own")}]`
  ].join(`
`)}
\`\`\``;
}

// src/report/render/markdown.ts
var SUMMARY_LIMIT_BYTES = 1024 * 1024, COMMENT_LIMIT_CHARACTERS = 65536;
function imageBlocks(report, options) {
  return [
    { text: titleBlock(report), priority: 0 },
    { text: headlineBlock(report, options), priority: 0 },
    { text: noticesBlock(report), priority: 1 },
    checksBlock(report, options),
    layersBlock(report, options),
    { text: chartBlock(report), priority: options.condensed ? 6 : 4 },
    logsBlock(report),
    wasteBlock(report, options),
    largestFilesBlock(report, options),
    findingsBlock(report),
    duplicatesBlock(report, options),
    ...options.condensed ? [] : [stepsBlock(report)]
  ];
}
function renderSummaryMarkdown(reports) {
  let blocks = (Array.isArray(reports) ? reports : [reports]).flatMap((report) => imageBlocks(report, { condensed: !1 }));
  return blocks.push({ text: SIZE_LEGEND, priority: 1 }), fitBlocks(blocks, {
    limit: SUMMARY_LIMIT_BYTES,
    measure: utf8Bytes,
    note: (cut) => `> [!NOTE]
> ${cut} section${cut === 1 ? " was" : "s were"} shortened or left out to keep this summary under GitHub's 1 MiB limit.`
  });
}
function reportCommentMarker(image) {
  return `<!-- image-build:report:${commentSafe(image)} -->`;
}
function renderPullRequestComment(report) {
  let marker = reportCommentMarker(report.image), blocks = imageBlocks(report, { condensed: !0 });
  blocks.push({ text: SIZE_LEGEND, priority: 1 });
  let body = fitBlocks(blocks, {
    limit: COMMENT_LIMIT_CHARACTERS - marker.length - 1,
    measure: characters,
    note: (cut) => `> [!NOTE]
> ${cut} section${cut === 1 ? " was" : "s were"} shortened or left out to fit GitHub's comment limit; the job summary has everything.`
  });
  return `${marker}
${body}`;
}

// src/report/render/json.ts
var REPORT_SCHEMA_VERSION = 1;
function reportDocument(reports) {
  return { schemaVersion: 1, generator: "image-build", images: Array.isArray(reports) ? [...reports] : [reports] };
}
function renderReportJson(reports) {
  return `${JSON.stringify(reportDocument(reports), null, 2)}
`;
}

// src/report/render/terminal.ts
var ANSI = {
  pass: "\x1B[32m",
  warn: "\x1B[33m",
  fail: "\x1B[31m",
  skip: "\x1B[2m",
  dim: "\x1B[2m",
  bold: "\x1B[1m"
}, MARK = { pass: "ok  ", warn: "WARN", fail: "FAIL", skip: "skip" };
function renderTerminal(reports, options = {}) {
  return (Array.isArray(reports) ? reports : [reports]).map((report) => renderOne(report, options)).join(`

`) + `
`;
}
function renderOne(report, options) {
  let paint = (style, text) => options.color ? `${ANSI[style]}${text}\x1B[0m` : text, size = (bytes) => bytes === void 0 ? "unknown" : formatBytes(bytes), lines = [];
  lines.push(
    paint(
      "bold",
      `Image ${terminalText(report.image, 200)}${report.platform ? ` (${terminalText(report.platform, 40)})` : ""}`
    )
  );
  let versus = report.baseline ? ` vs ${terminalText(report.baseline.label, 60)}` : "", delta = (value) => value === void 0 || !report.baseline ? "" : ` (${formatDelta(value)}${versus})`, facts = [
    ["Compressed (pull)", `${size(report.sizes.compressedBytes)}${delta(report.baseline?.compressedDelta)}`],
    [
      "Uncompressed (disk)",
      `${size(report.sizes.uncompressedBytes)}${delta(report.baseline?.uncompressedDelta)}`
    ],
    [
      "Layers",
      `${report.sizes.layerCount}${report.sizes.base && report.sizes.own ? ` (${report.sizes.base.layerCount} base, ${report.sizes.own.layerCount} own)` : ""}`
    ]
  ];
  if (report.base?.name && facts.push(["Base image", terminalText(report.base.name, 120)]), report.contents && facts.push([
    "Efficiency",
    `${formatPercent(report.contents.efficiency)}, ${formatBytes(report.contents.reclaimableBytes)} reclaimable`
  ]), report.build) {
    let time = report.build.totalSeconds ?? report.build.stepSeconds;
    facts.push([
      "Build",
      `${formatSeconds(time)}, ${report.build.cachedSteps}/${report.build.steps.length} steps cached`
    ]);
  }
  report.cost && facts.push(["Storage cost", `${formatUsd(report.cost.monthlyUsd)}/month`]), report.digest && facts.push(["Digest", terminalText(report.digest, 80)]);
  let labelWidth = Math.max(...facts.map(([label]) => label.length));
  for (let [label, value] of facts) lines.push(`  ${label.padEnd(labelWidth)}  ${value}`);
  if (report.notices.length && lines.push("", ...report.notices.map((notice) => `note: ${terminalText(notice, 300)}`)), report.layers.length) {
    lines.push("", paint("bold", "Layers"));
    let width = options.width ?? 120, rows = report.layers.map((layer) => layerRow(layer, report)), header = [
      "#",
      "Compressed",
      "Uncompressed",
      ...report.baseline ? ["\u0394"] : [],
      "Origin",
      "Instruction"
    ], fixed = header.length - 1, widths = header.slice(0, fixed).map((title, column) => Math.max(title.length, ...rows.map((row2) => row2[column].length))), instructionWidth = Math.max(20, width - widths.reduce((sum, w) => sum + w + 2, 2)), format = (row2, dim = !1) => {
      let text = `  ${row2.slice(0, fixed).map((cell, column) => cell.padStart(widths[column])).join("  ")}  ${terminalText(row2[fixed], instructionWidth)}`;
      return dim ? paint("dim", text) : text;
    };
    lines.push(format(header, !0), ...rows.map((row2) => format(row2)));
  }
  if (report.checks.length) {
    lines.push("", paint("bold", "Checks"));
    let nameWidth = Math.max(...report.checks.map((check) => check.name.length));
    for (let check of report.checks)
      lines.push(
        `  ${paint(check.status, MARK[check.status])}  ${check.name.padEnd(nameWidth)}  ${terminalText(check.detail, 200)}`
      );
  }
  let largest = report.contents?.largestOwnFiles.slice(0, 10) ?? [];
  if (largest.length) {
    lines.push("", paint("bold", "Largest files (own layers)"));
    for (let file of largest)
      lines.push(`  ${formatBytes(file.bytes).padStart(10)}  ${terminalText(file.path, 160)}`);
  }
  let wasted = report.contents?.wastedPaths.slice(0, 10) ?? [];
  if (wasted.length) {
    lines.push("", paint("bold", "Waste (reclaimable)"));
    for (let path of wasted)
      lines.push(
        `  ${formatBytes(path.reclaimableBytes).padStart(10)}  ${terminalText(path.path, 160)}${path.deleted ? paint("dim", " (deleted)") : ""}`
      );
  }
  return lines.join(`
`);
}
function layerRow(layer, report) {
  let size = (bytes) => bytes === void 0 ? "-" : formatBytes(bytes), delta = layer.delta, change = delta ? delta.change === "unchanged" ? "=" : delta.change === "added" ? "new" : formatDelta(delta.compressedBytes ?? delta.uncompressedBytes ?? 0) : "";
  return [
    String(layer.index + 1),
    size(layer.compressedBytes),
    size(layer.uncompressedBytes),
    ...report.baseline ? [change] : [],
    report.sizes.base ? layer.origin : "",
    layer.instruction
  ];
}

// src/report/index.ts
var report_exports = {};
__export(report_exports, {
  ANALYSIS_ARTIFACT_TYPE: () => ANALYSIS_ARTIFACT_TYPE,
  BASE_DIGEST_ANNOTATION: () => BASE_DIGEST_ANNOTATION,
  BASE_NAME_ANNOTATION: () => BASE_NAME_ANNOTATION,
  CHECK_NAMES: () => CHECK_NAMES,
  COMMENT_LIMIT_CHARACTERS: () => COMMENT_LIMIT_CHARACTERS,
  ECR_PRICE_PER_GB_MONTH: () => ECR_PRICE_PER_GB_MONTH,
  EMPTY_CONFIG: () => EMPTY_CONFIG,
  ImageContentError: () => ImageContentError,
  MAX_STORED_ANALYSIS_BYTES: () => MAX_STORED_ANALYSIS_BYTES,
  REPORT_SCHEMA_VERSION: () => REPORT_SCHEMA_VERSION,
  SEVERITIES: () => SEVERITIES,
  STORED_ANALYSIS_SCHEMA: () => STORED_ANALYSIS_SCHEMA,
  SUMMARY_LIMIT_BYTES: () => SUMMARY_LIMIT_BYTES,
  alignLayers: () => alignLayers,
  analyzeLayerFiles: () => analyzeLayerFiles,
  analyzeLayers: () => analyzeLayers,
  baseFromAnnotations: () => baseFromAnnotations,
  buildFacts: () => buildFacts,
  buildImageReport: () => buildImageReport,
  cleanInstruction: () => cleanInstruction,
  codeBlock: () => codeBlock,
  compareWithBaseline: () => compareWithBaseline,
  decodeAnalysisDocument: () => decodeAnalysisDocument,
  decodeAnalysisManifest: () => decodeAnalysisManifest,
  encodeStoredAnalysis: () => encodeStoredAnalysis,
  formatBytes: () => formatBytes,
  formatDelta: () => formatDelta,
  formatPercent: () => formatPercent,
  formatSeconds: () => formatSeconds,
  historyForLayers: () => historyForLayers,
  imageModelFromMetadata: () => imageModelFromMetadata,
  isIndex: () => isIndex,
  layerBuildFacts: () => layerBuildFacts,
  mdText: () => mdText,
  monthlyStorageCost: () => monthlyStorageCost,
  overallStatus: () => overallStatus,
  platformManifests: () => platformManifests,
  platformText: () => platformText,
  pullBytes: () => pullBytes,
  readDockerSave: () => readDockerSave,
  readEngineImage: () => readEngineImage,
  readOciLayout: () => readOciLayout,
  renderPullRequestComment: () => renderPullRequestComment,
  renderReportJson: () => renderReportJson,
  renderSummaryMarkdown: () => renderSummaryMarkdown,
  renderTerminal: () => renderTerminal,
  reportCommentMarker: () => reportCommentMarker,
  reportDocument: () => reportDocument,
  resolveBase: () => resolveBase,
  row: () => row,
  runChecks: () => runChecks,
  runSmokeTest: () => runSmokeTest,
  selectPlatform: () => selectPlatform,
  severityCounts: () => severityCounts,
  smokeTestCheck: () => smokeTestCheck,
  storedAnalysisTag: () => storedAnalysisTag,
  summarisePlatform: () => summarisePlatform,
  unavailableImageModel: () => unavailableImageModel
});

// src/report/model/oci.ts
var BASE_NAME_ANNOTATION = "org.opencontainers.image.base.name", BASE_DIGEST_ANNOTATION = "org.opencontainers.image.base.digest";
function platformText(platform) {
  if (!(!platform?.os || !platform.architecture))
    return [platform.os, platform.architecture, platform.variant].filter(Boolean).join("/");
}
function isIndex(document) {
  return Array.isArray(document.manifests);
}

// src/report/model/platforms.ts
function platformManifests(index) {
  return index.manifests.filter(
    (entry) => entry.platform?.os !== "unknown" && entry.platform?.architecture !== "unknown" && entry.annotations?.["vnd.docker.reference.type"] !== "attestation-manifest"
  );
}
function selectPlatform(index, platform, input = "platform") {
  let candidates = platformManifests(index);
  if (!platform) {
    let first = candidates[0];
    if (!first) throw new InputError(input, "the image index has no runnable platform (only attestations)");
    return first;
  }
  let wanted = normalisePlatform(platform), found = candidates.find((entry) => normalisePlatform(platformText(entry.platform) ?? "") === wanted);
  if (found) return found;
  let available = candidates.map((entry) => platformText(entry.platform) ?? entry.digest);
  throw new InputError(
    input,
    `the image index has no ${platform} image; it has ${available.length ? available.join(", ") : "none"}`
  );
}
function normalisePlatform(text) {
  let parts = text.trim().toLowerCase().split("/"), [os, architecture, variant] = parts.length === 1 ? ["linux", parts[0]] : parts;
  return [os, architecture, architecture === "arm64" && variant === "v8" ? void 0 : variant].filter(Boolean).join("/");
}

// src/report/model/history.ts
function historyForLayers(layerCount2, history) {
  let producing = (history ?? []).filter((entry) => !entry.empty_layer), offset = producing.length - layerCount2;
  return { layers: Array.from({ length: layerCount2 }, (_, index) => {
    let entry = producing[index + offset];
    return entry ? { instruction: cleanInstruction(entry.created_by ?? entry.comment), createdAt: entry.created } : {};
  }), mismatch: history !== void 0 && offset !== 0 };
}
function cleanInstruction(createdBy) {
  if (!createdBy?.trim()) return;
  let text = createdBy.trim().replace(/\s+# buildkit$/, ""), nop = /^\/bin\/sh -c #\(nop\)\s*/.exec(text);
  if (nop) return text.slice(nop[0].length).trim() || void 0;
  let shell = /^(?:RUN\s+)?(?:\|\d+\s(?:.*?\s)??)?\/bin\/sh -c\s+/s.exec(text);
  return shell && (text = `RUN ${text.slice(shell[0].length)}`), text.trim();
}

// src/report/model/base.ts
function baseFromAnnotations(...sources) {
  for (let annotations of sources) {
    let name = annotations?.[BASE_NAME_ANNOTATION], digest = annotations?.[BASE_DIGEST_ANNOTATION];
    if (name || digest) return { name, digest };
  }
}
function resolveBase(hint, diffIds) {
  if (!hint) return;
  let named = { name: hint.name, digest: hint.digest };
  return hint.diffIds?.length && hint.diffIds.every((diffId, index) => diffIds[index] === diffId) ? { ...named, layerCount: hint.diffIds.length, matchedBy: "diff-ids" } : hint.layerCount !== void 0 && hint.layerCount <= diffIds.length ? { ...named, layerCount: hint.layerCount, matchedBy: "given" } : hint.name || hint.digest ? { ...named, layerCount: 0, matchedBy: "annotation" } : void 0;
}

// src/report/model/from-metadata.ts
function imageModelFromMetadata(input) {
  let { manifest, config } = input, compressed = input.compressedLayers ?? !0, diffIds = config.rootfs?.diff_ids ?? [], descriptor = input.index?.document.manifests.find((entry) => entry.digest === input.digest), annotated2 = baseFromAnnotations(manifest.annotations, descriptor?.annotations), base = resolveBase(input.base ?? annotated2, diffIds) ?? resolveBase(annotated2, diffIds), baseLayers = base?.layerCount ?? 0, history = historyForLayers(manifest.layers.length, config.history), layers = manifest.layers.map((layer, index) => {
    let origin = index < baseLayers ? "base" : "own", { instruction, createdAt } = history.layers[index];
    return {
      index,
      digest: layer.digest,
      diffId: diffIds[index],
      compressedBytes: compressed ? layer.size : void 0,
      uncompressedBytes: compressed ? void 0 : layer.size,
      instruction: instruction ?? (origin === "base" ? `base image layer ${index + 1}` : `layer ${index + 1}`),
      ...instruction === void 0 && { instructionInferred: !0 },
      createdAt,
      origin
    };
  }), healthTest = config.config?.Healthcheck?.Test, platform = platformText(config) ?? platformText(descriptor?.platform), model = {
    image: input.image,
    source: input.source ?? "registry",
    digest: input.digest,
    indexDigest: input.index?.digest,
    platform,
    tags: [...input.tags ?? []],
    created: config.created,
    configBytes: manifest.config.size,
    compressedBytes: compressed ? pullBytes(manifest) : void 0,
    layers,
    base: base ? { ...base, name: base.name ?? annotated2?.name, digest: base.digest ?? annotated2?.digest } : void 0,
    user: config.config?.User,
    hasHealthcheck: !!(healthTest?.length && healthTest[0] !== "NONE"),
    historyMismatch: history.mismatch || void 0
  };
  return input.index && (model.platforms = platformManifests(input.index.document).map(
    (entry) => entry.digest === input.digest && compressed ? summarisePlatform(entry, manifest) : summarisePlatform(entry)
  )), model;
}
function pullBytes(manifest) {
  return manifest.layers.reduce((sum, layer) => sum + layer.size, manifest.config.size);
}
function summarisePlatform(entry, manifest) {
  return {
    platform: platformText(entry.platform) ?? "unknown",
    digest: entry.digest,
    ...manifest && { compressedBytes: pullBytes(manifest), layerCount: manifest.layers.length }
  };
}

// src/report/contents/analyze.ts
import { createHash as createHash5 } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { crc32 as crc322 } from "node:zlib";

// src/report/contents/filesystem.ts
var PathNode = class {
  constructor(name) {
    this.name = name;
  }
  name;
  children;
  kind = 1 /* Directory */;
  present = !1;
  /** Size of the visible version. */
  bytes = 0;
  /** Layer of the visible version (or of the last deletion). */
  layer = -1;
  occurrences = 0;
  cumulative = 0;
  smallest = 0;
  fingerprint;
  /** Where the visible version's content starts in its layer's source, when known. */
  offset;
  get isFile() {
    return this.kind === 0 /* File */;
  }
}, KINDS = {
  file: 0 /* File */,
  directory: 1 /* Directory */,
  link: 2 /* Link */,
  other: 3 /* Other */
}, LayeredFilesystem = class {
  root = new PathNode("");
  layers = [];
  /** Starts a layer; entries are then applied with `apply`, in tar order. */
  beginLayer(index) {
    let layer = {
      index,
      tarBytes: 0,
      uncompressedBytes: 0,
      files: 0,
      directories: 0,
      links: 0,
      added: 0,
      modified: 0,
      removed: 0,
      whiteouts: 0,
      opaqueDirectories: 0,
      reclaimableBytes: 0
    };
    return this.layers[index] = layer, layer;
  }
  apply(layer, entry) {
    if (entry.kind === "whiteout" || entry.kind === "opaque") {
      this.delete(layer, entry);
      return;
    }
    let node = this.node(entry.path, layer), kind = KINDS[entry.kind] ?? 3 /* Other */;
    kind === 0 /* File */ ? (layer.files++, layer.uncompressedBytes += entry.bytes) : kind === 1 /* Directory */ ? layer.directories++ : kind === 2 /* Link */ && (layer.links++, layer.uncompressedBytes += entry.bytes);
    let replacesLower = node.present && node.layer < layer.index;
    node.present && kind !== 1 /* Directory */ && node.children && (layer.removed += hide(node, layer.index, !0), node.children = void 0), (kind !== 1 /* Directory */ || !node.present) && (replacesLower ? layer.modified++ : node.present || layer.added++);
    let bytes = kind === 0 /* File */ ? entry.bytes : 0;
    node.kind = kind, node.present = !0, node.bytes = bytes, node.layer = layer.index, node.fingerprint = entry.fingerprint, node.offset = entry.offset, this.occur(node, bytes, layer);
  }
  delete(layer, entry) {
    let opaque = entry.kind === "opaque";
    opaque ? layer.opaqueDirectories++ : layer.whiteouts++;
    let node = this.find(entry.path);
    if (!node?.present) return;
    let hidden = 0, removedFiles = 0, visit = (current, removeSelf) => {
      removeSelf && current.layer < layer.index && (hidden += current.kind === 0 /* File */ ? current.bytes : 0, removedFiles += current.kind === 0 /* File */ ? 1 : 0, current.present = !1, current.layer = layer.index);
      for (let child of current.children?.values() ?? [])
        child.present && visit(child, !0);
    };
    visit(node, !opaque), layer.removed += removedFiles, this.occur(node, hidden, layer);
  }
  /**
   * Records one write or deletion of a path. The layer that re-touches a path is charged the growth of
   * that path's reclaimable bytes (cumulative − smallest), so the per-layer figures add up to the total.
   */
  occur(node, bytes, layer) {
    if (node.occurrences > 0) {
      let growth = Math.max(bytes, node.smallest);
      layer.reclaimableBytes += growth, node.smallest = Math.min(node.smallest, bytes);
    } else node.smallest = bytes;
    node.cumulative += bytes, node.occurrences++;
  }
  node(path, layer) {
    let names = path.split("/"), current = this.root;
    return names.forEach((name, depth) => {
      current.children ??= /* @__PURE__ */ new Map();
      let child = current.children.get(name);
      child || (child = new PathNode(name), current.children.set(name, child)), depth < names.length - 1 && !child.present && (child.kind = 1 /* Directory */, child.present = !0, child.layer = layer.index, this.occur(child, 0, layer)), current = child;
    }), current;
  }
  find(path) {
    let current = this.root;
    for (let name of path ? path.split("/") : []) current = current?.children?.get(name);
    return current;
  }
};
function hide(node, layerIndex, childrenOnly) {
  let files = 0;
  !childrenOnly && node.present && (node.present = !1, node.layer = layerIndex, node.isFile && files++);
  for (let child of node.children?.values() ?? []) files += hide(child, layerIndex, !1);
  return files;
}

// src/report/sources/errors.ts
var ImageContentError = class extends Error {
  constructor(message) {
    super(message), this.name = "ImageContentError";
  }
};

// src/report/contents/entries.ts
var ZSTD = [40, 181, 47, 253], OPAQUE = ".wh..wh..opq", WHITEOUT = ".wh.";
function compression(head) {
  if (head.length >= 2 && head[0] === 31 && head[1] === 139) return "gzip";
  if (startsWith(head, ZSTD)) return "zstd";
}
function isFile(type) {
  return type === "File" || type === "OldFile" || type === "ContiguousFile";
}
function toEntry(name, type, size, linkpath) {
  let path = normalisePath(name);
  if (path === void 0) return;
  let slash = path.lastIndexOf("/"), base = path.slice(slash + 1);
  if (base.startsWith(WHITEOUT)) {
    let dir = slash < 0 ? "" : path.slice(0, slash);
    if (base === OPAQUE) return { path: dir, kind: "opaque", bytes: 0 };
    if (base.startsWith(`${WHITEOUT}${WHITEOUT}`)) return;
    let target = base.slice(WHITEOUT.length);
    return { path: dir ? `${dir}/${target}` : target, kind: "whiteout", bytes: 0 };
  }
  if (path)
    return isFile(type) ? { path, kind: "file", bytes: size } : type === "Directory" ? { path, kind: "directory", bytes: 0 } : type === "SymbolicLink" ? { path, kind: "link", bytes: Buffer.byteLength(linkpath ?? "") } : type === "Link" ? { path, kind: "link", bytes: 0 } : { path, kind: "other", bytes: 0 };
}
function normalisePath(name) {
  let parts = [];
  for (let part of name.split("/"))
    if (!(part === "" || part === ".")) {
      if (part === "..") return;
      parts.push(part);
    }
  return parts.join("/");
}
function startsWith(buffer, magic) {
  return buffer.length >= magic.length && magic.every((byte, i) => buffer[i] === byte);
}

// src/report/contents/fingerprint.ts
import { createHash as createHash3 } from "node:crypto";
import { crc32 } from "node:zlib";
var SAMPLE = 4096, StreamPositions = class {
  bases = /* @__PURE__ */ new WeakMap();
  position = 0;
  /** Records the next chunk read from the source. */
  track(chunk) {
    chunk.byteOffset === 0 && chunk.length === chunk.buffer.byteLength && this.bases.set(chunk.buffer, this.position), this.position += chunk.length;
  }
  at(view) {
    let base = this.bases.get(view.buffer);
    return base === void 0 ? void 0 : base + view.byteOffset;
  }
};
function fingerprint(entry, size, positions, done) {
  let small = size <= 2 * SAMPLE, chunks = [], headCrc = 0, headBytes = 0, last, previous, offset, contiguous = !0, seen = 0;
  entry.on("data", (chunk) => {
    let at = positions?.at(chunk);
    if (seen === 0 ? offset = at : offset !== void 0 && at !== offset + seen && (contiguous = !1), seen += chunk.length, small) {
      chunks.push(chunk);
      return;
    }
    if (headBytes < SAMPLE) {
      let part = chunk.subarray(0, SAMPLE - headBytes);
      headCrc = crc32(part, headCrc), headBytes += part.length;
    }
    chunk.length >= SAMPLE ? previous = void 0 : last && (previous = last.length >= SAMPLE ? last.subarray(last.length - SAMPLE) : last), last = chunk;
  }), entry.on("end", () => {
    if (small) {
      done(
        smallFingerprint(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)),
        contiguous ? offset : void 0
      );
      return;
    }
    done(fingerprintText(size, headCrc, tailCrc(previous, last)), contiguous ? offset : void 0);
  });
}
function tailCrc(previous, last) {
  if (!last) return 0;
  if (last.length >= SAMPLE || !previous) return crc32(last.subarray(Math.max(0, last.length - SAMPLE)));
  let need = SAMPLE - last.length;
  return crc32(last, crc32(previous.subarray(Math.max(0, previous.length - need))));
}
function smallFingerprint(content) {
  return `${content.length}:${createHash3("sha256").update(content).digest("base64")}`;
}
function fingerprintText(size, head, tail2) {
  return `${size}:${head.toString(36)}:${tail2.toString(36)}`;
}

// src/report/contents/layer-scan.ts
import { createHash as createHash4 } from "node:crypto";
import { createGunzip } from "node:zlib";

// src/report/contents/link-names.ts
var LINKS = /* @__PURE__ */ new Set(["Link", "SymbolicLink"]), PAX = /* @__PURE__ */ new Set(["ExtendedHeader", "OldExtendedHeader", "GlobalExtendedHeader"]), LINK_NAME = { start: 157, end: 257 }, CHECKSUM = { start: 148, end: 156 }, LinkNameCleaner = class {
  constructor(tar) {
    this.tar = tar;
  }
  tar;
  /** Content (and padding) bytes before the next header. */
  skip = 0;
  /** A header split across chunks, held back until it is whole. */
  held = [];
  heldBytes = 0;
  /** The content of a pax header being read, and the records in force. */
  pax;
  extended;
  global;
  /** The chunk as the parser should get it, in pieces (none while a split header is held back). */
  pieces(chunk) {
    let out = [], offset = 0, runStart = 0, endRun = (at) => {
      at > runStart && out.push(chunk.subarray(runStart, at));
    };
    for (; offset < chunk.length; ) {
      if (this.skip > 0) {
        let n2 = Math.min(this.skip, chunk.length - offset);
        if (this.pax && this.pax.remaining > 0) {
          let wanted = Math.min(n2, this.pax.remaining);
          this.pax.chunks.push(Buffer.from(chunk.subarray(offset, offset + wanted))), this.pax.remaining -= wanted;
        }
        this.skip -= n2, offset += n2, this.skip === 0 && this.pax && this.endPax();
        continue;
      }
      if (this.heldBytes === 0 && chunk.length - offset >= 512) {
        let cleaned = this.header(chunk.subarray(offset, offset + 512));
        cleaned && (endRun(offset), out.push(cleaned), runStart = offset + 512), offset += 512;
        continue;
      }
      endRun(offset);
      let n = Math.min(512 - this.heldBytes, chunk.length - offset);
      if (this.held.push(Buffer.from(chunk.subarray(offset, offset + n))), this.heldBytes += n, offset += n, runStart = offset, this.heldBytes === 512) {
        let block = Buffer.concat(this.held);
        this.held = [], this.heldBytes = 0, out.push(this.header(block) ?? block);
      }
    }
    return endRun(chunk.length), out;
  }
  /** Reads one header block; returns a cleaned copy when its link name must go. */
  header(block) {
    let header;
    try {
      header = new this.tar.Header(block, 0, this.extended, this.global);
    } catch {
      return;
    }
    if (header.nullBlock || !header.cksumValid) return;
    let size = header.size ?? 0;
    if (this.skip = Math.ceil(size / 512) * 512, PAX.has(header.type)) {
      this.pax = { type: header.type, chunks: [], remaining: size }, this.skip === 0 && this.endPax();
      return;
    }
    if (!header.type.startsWith("Next") && header.type !== "OldGnuLongPath" && (this.extended = void 0), LINKS.has(header.type) || block[LINK_NAME.start] === 0) return;
    let cleaned = Buffer.from(block);
    cleaned.fill(0, LINK_NAME.start, LINK_NAME.end), cleaned.fill(32, CHECKSUM.start, CHECKSUM.end);
    let sum = cleaned.reduce((total, byte) => total + byte, 0);
    return cleaned.write(`${sum.toString(8).padStart(6, "0")}\0 `, CHECKSUM.start, "latin1"), cleaned;
  }
  endPax() {
    let { type, chunks } = this.pax, text = Buffer.concat(chunks).toString("utf8");
    type === "GlobalExtendedHeader" ? this.global = this.tar.Pax.parse(text, this.global, !0) : this.extended = this.tar.Pax.parse(text, this.extended, !1), this.pax = void 0;
  }
};

// src/report/contents/tar-walk.ts
import { readSync } from "node:fs";
var META = /* @__PURE__ */ new Set([
  "ExtendedHeader",
  "OldExtendedHeader",
  "GlobalExtendedHeader",
  "NextFileHasLongPath",
  "OldGnuLongPath",
  "NextFileHasLongLinkpath"
]), FileWindow = class {
  constructor(fd, size = 64 * 1024) {
    this.fd = fd;
    this.buffer = Buffer.allocUnsafe(size);
  }
  fd;
  buffer;
  window = Buffer.alloc(0);
  start = 0;
  /** For reads bigger than the window (metadata, the duplicate check's 1 MiB chunks), reused too. */
  large = Buffer.alloc(0);
  /** `length` bytes at `offset` (fewer at the end of the file). */
  read(offset, length) {
    return offset >= this.start && offset + length <= this.start + this.window.length ? this.window.subarray(offset - this.start, offset - this.start + length) : length > this.buffer.length ? (this.large.length < length && (this.large = Buffer.allocUnsafe(length)), this.large.subarray(0, readSync(this.fd, this.large, 0, length, offset))) : (this.window = this.buffer.subarray(0, readSync(this.fd, this.buffer, 0, this.buffer.length, offset)), this.start = offset, this.window.subarray(0, Math.min(length, this.window.length)));
  }
};
async function walkTar(file, start, end, label, onEntry) {
  let { Header, Pax } = await import("./index.min-VO4BXVFH.js"), position = start, extended, global, sawNull = !1, count = 0, corrupt = (detail) => new ImageContentError(`${label} is truncated or corrupt: ${detail}`);
  for (; position < end; ) {
    if (position + 512 > end) throw corrupt(`a header is cut off at byte ${position - start}`);
    let block = file.read(position, 512);
    if (block.length < 512) throw corrupt(`the file ends inside a header at byte ${position - start}`);
    let header;
    try {
      header = new Header(block, 0, extended, global);
    } catch (error) {
      throw corrupt(`${error.message} in the header at byte ${position - start}`);
    }
    if (position += 512, header.nullBlock) {
      if (sawNull) return;
      sawNull = !0;
      continue;
    }
    if (sawNull = !1, !header.cksumValid) throw corrupt(`checksum failure in the header at byte ${position - 512 - start}`);
    if (!header.path) throw corrupt(`a header without a path at byte ${position - 512 - start}`);
    let size = header.size ?? 0, next = position + Math.ceil(size / 512) * 512;
    if (next > end) throw corrupt(`${header.path} needs ${next - end} more bytes than there are`);
    let type = header.type;
    if (META.has(type)) {
      let text = file.read(position, size).toString("utf8");
      type === "GlobalExtendedHeader" ? global = Pax.parse(text, global, !0) : type === "ExtendedHeader" || type === "OldExtendedHeader" ? extended = Pax.parse(text, extended, !1) : extended = {
        ...extended,
        [type === "NextFileHasLongLinkpath" ? "linkpath" : "path"]: text.replace(/\0.*/s, "")
      };
    } else {
      let entry = {
        path: extended?.path ?? header.path,
        type,
        size,
        linkpath: extended?.linkpath ?? global?.linkpath ?? header.linkpath,
        offset: position
      };
      extended = void 0;
      let pending = onEntry(entry);
      pending && await pending, ++count % 4096 === 0 && await new Promise((resolve3) => setImmediate(resolve3));
    }
    position = next;
  }
}

// src/report/contents/layer-scan.ts
async function layerParser(label, onEntry, onlyZeros = () => !1) {
  let { Parser: TarParser } = await import("./index.min-VO4BXVFH.js"), parser = new TarParser({ strict: !0 });
  parser.on("entry", onEntry);
  let done = new Promise((resolve3, reject) => {
    let corrupt = (error) => reject(new ImageContentError(`${label} is truncated or corrupt: ${error.message}`)), unrecognized;
    parser.on("error", (error) => {
      error.code === "TAR_BAD_ARCHIVE" ? unrecognized ??= error : corrupt(error);
    }), parser.on("end", () => unrecognized && !onlyZeros() ? corrupt(unrecognized) : resolve3());
  });
  return done.catch(() => {
  }), { parser, done };
}
function layerEntryHandler(onEntry, options) {
  let minDuplicate = options.minDuplicateBytes ?? 1024;
  return { handle: (entry) => {
    let size = entry.size ?? 0, scanned = toEntry(entry.path, entry.type, size, entry.linkpath);
    if (scanned?.kind === "file" && size >= minDuplicate) {
      fingerprint(entry, size, options.positions, (print, offset) => {
        scanned.fingerprint = print, offset !== void 0 && (scanned.offset = offset), onEntry(scanned);
      });
      return;
    }
    scanned && onEntry(scanned), entry.resume();
  } };
}
async function scanLayerFile(file, range2, onEntry, label) {
  return await walkTar(file, range2.start, range2.end, label, (walked) => {
    let scanned = toEntry(walked.path, walked.type, walked.size, walked.linkpath);
    scanned && (scanned.kind === "file" && (scanned.offset = walked.offset), onEntry(scanned));
  }), { tarBytes: range2.end - range2.start };
}
async function scanLayer(blob, onEntry, options) {
  let { handle } = layerEntryHandler(onEntry, options), zeros = { only: !0 }, { parser, done } = await layerParser(options.label, handle, () => zeros.only), tarBytes = await feed(blob, parser, options.label, options.positions, zeros);
  return await done, { tarBytes };
}
async function hashLayerFiles(blob, wanted, label) {
  let hashes = /* @__PURE__ */ new Map(), zeros = { only: !0 }, { parser, done } = await layerParser(
    label,
    (entry) => {
      let path = normalisePath(entry.path);
      if (path === void 0 || !isFile(entry.type) || !wanted.has(path)) {
        entry.resume();
        return;
      }
      let hash = createHash4("sha256");
      entry.on("data", (chunk) => hash.update(chunk)), entry.on("end", () => hashes.set(path, hash.digest("hex")));
    },
    () => zeros.only
  );
  return await feed(blob, parser, label, void 0, zeros), await done, hashes;
}
async function feed(blob, parser, label, positions, zeros = { only: !1 }) {
  let head = await peek(blob);
  if (!head.length) throw new ImageContentError(`${label} is empty (0 bytes): truncated or corrupt`);
  let kind = compression(head);
  if (kind === "zstd")
    throw blob.destroy(), new ImageContentError(
      `${label} is zstd-compressed, which this Node.js cannot read (gzip and plain tar can)`
    );
  let source = kind === "gzip" ? blob.pipe(createGunzip()) : blob;
  blob.on("error", (error) => source.destroy(error));
  let cleaner = new LinkNameCleaner(await import("./index.min-VO4BXVFH.js")), bytes = 0;
  return await new Promise((resolve3, reject) => {
    source.on("data", (chunk) => {
      bytes += chunk.length, zeros.only && (zeros.only = chunk.every((byte) => byte === 0)), kind !== "gzip" && positions?.track(chunk);
      let flowing = !0;
      for (let piece of cleaner.pieces(chunk)) flowing = parser.write(piece) && flowing;
      flowing || (source.pause(), parser.once("drain", () => source.resume()));
    }), source.on("end", () => resolve3()), source.on(
      "error",
      (error) => reject(new ImageContentError(`${label} is truncated or corrupt: ${error.message}`))
    );
  }), parser.end(), bytes;
}
function peek(stream) {
  return new Promise((resolve3, reject) => {
    let done = (chunk) => {
      stream.off("readable", onReadable).off("end", onEnd).off("error", reject), chunk.length && stream.unshift(chunk), resolve3(chunk);
    }, onReadable = () => {
      let chunk = stream.read();
      chunk !== null && done(chunk);
    }, onEnd = () => done(Buffer.alloc(0));
    stream.on("readable", onReadable).on("end", onEnd).on("error", reject);
  });
}

// src/report/contents/findings.ts
var BIN_DIRS = /^(?:usr\/(?:local\/)?)?s?bin\/[^/]+$/, BUILD_TOOL = /^(?:[a-z0-9_]+-(?:linux|w64|pc|unknown)-[a-z0-9_-]*?-)?(gcc|g\+\+|cc|c\+\+|clang|clang\+\+|make|gmake|cmake|ld|ld\.bfd|ld\.gold|gfortran|rustc|cargo|go)(?:-\d+(?:\.\d+)*)?$/, CACHES = [
  [/^var\/lib\/apt\/lists\/(?!lock$|partial\/)/, "apt lists"],
  [/^var\/cache\/apt\/(?:archives\/.*\.deb$|[^/]+\.bin$)/, "apt cache"],
  [/^var\/cache\/apk\//, "apk cache"],
  [/^var\/cache\/(?:yum|dnf)\//, "yum/dnf cache"],
  [/(?:^|\/)\.cache\/pip\//, "pip cache"],
  [/(?:^|\/)\.cache\/pypoetry\//, "poetry cache"],
  [/(?:^|\/)\.npm\/_cacache\//, "npm cache"],
  [/(?:^|\/)\.cache\/yarn\/|^usr\/local\/share\/\.cache\/yarn\//, "yarn cache"],
  [/(?:^|\/)__pycache__\/|\.py[co]$/, "python bytecode"]
], TEST_DIR = /(?:^|\/)(?:tests?|testdata|testing|fixtures)\//, SECRETS = [
  [/(?:^|\/)\.env(?:\.(?!example$|sample$|template$|dist$|defaults?$)[^/]+)?$/, "dotenv file"],
  [/(?:^|\/)id_(?:rsa|dsa|ecdsa|ed25519)$/, "SSH private key"],
  [/\.key$|(?:^|\/|[-_.])(?:priv)?key\.pem$|(?:^|\/)privkey[^/]*\.pem$|\.p12$|\.pfx$/, "private key"],
  [
    /(?:^|\/)\.aws\/credentials$|(?:^|\/)\.config\/gcloud\/(?:credentials\.db|application_default_credentials\.json)$|(?:^|\/)\.azure\/(?:accessTokens|msal_token_cache)\.json$/,
    "cloud credentials"
  ],
  [
    /(?:^|\/)(?:\.docker\/config\.json|\.kube\/config|\.git-credentials|\.netrc|\.npmrc|\.pypirc)$/,
    "credentials file"
  ]
], MAYBE = /bin\/|apt\/|apk\/|yum\/|dnf\/|\.cache\/|\.npm\/|__pycache__|\.py[co]$|\.env|id_|key|\.p12$|\.pfx$|\.aws\/|gcloud|\.azure\/|\.docker\/|\.kube\/|credentials|\.netrc$|\.npmrc$|\.pypirc$/;
function classifyPath(path, isFile2) {
  if (MAYBE.test(path)) {
    if (BIN_DIRS.test(path)) {
      let tool = BUILD_TOOL.exec(path.slice(path.lastIndexOf("/") + 1));
      if (tool) return { kind: "build-tool", category: tool[1] };
    }
    if (isFile2) {
      for (let [pattern, category] of CACHES)
        if (pattern.test(path)) return { kind: "package-cache", category };
      if (!TEST_DIR.test(path)) {
        for (let [pattern, category] of SECRETS) if (pattern.test(path)) return { kind: "secret", category };
      }
    }
  }
}

// src/report/contents/summary.ts
function summariseFilesystem(filesystem, options = {}) {
  let top = options.top ?? 50, baseLayers = options.baseLayerCount ?? 0, minDuplicate = options.minDuplicateBytes ?? 1024, largest = new TopList(top, (entry) => entry.bytes), wasted = new TopList(top, (entry) => entry.reclaimableBytes), findings = [], byFingerprint = /* @__PURE__ */ new Map(), smallest = 0, cumulative = 0, files = 0, bytes = 0, visit = (node, path) => {
    if (node.occurrences > 0) {
      smallest += node.smallest, cumulative += node.cumulative;
      let reclaimable = node.cumulative - node.smallest;
      reclaimable > 0 && wasted.add({
        path,
        reclaimableBytes: reclaimable,
        cumulativeBytes: node.cumulative,
        occurrences: node.occurrences,
        layer: node.layer,
        deleted: !node.present
      });
    }
    if (node.present && path) {
      let entry = { path, bytes: node.bytes, layer: node.layer };
      if (node.isFile) {
        files++, bytes += node.bytes, node.layer >= baseLayers && largest.add(entry);
        let key = node.fingerprint ?? (node.offset !== void 0 && node.bytes >= minDuplicate ? `size:${node.bytes}` : void 0);
        if (key) {
          let candidate = { ...entry, fingerprint: node.fingerprint, offset: node.offset }, group = byFingerprint.get(key);
          group ? group.push(candidate) : byFingerprint.set(key, [candidate]);
        }
      }
      let found = classifyPath(path, node.isFile);
      found && findings.push({ ...entry, ...found });
    }
    for (let [name, child] of node.children ?? []) visit(child, path ? `${path}/${name}` : name);
  };
  visit(filesystem.root, "");
  let candidates = /* @__PURE__ */ new Map();
  for (let [fingerprint2, group] of byFingerprint) group.length > 1 && candidates.set(fingerprint2, group);
  return {
    analysis: {
      layers: filesystem.layers,
      efficiency: cumulative === 0 ? 1 : smallest / cumulative,
      reclaimableBytes: cumulative - smallest,
      cumulativeBytes: cumulative,
      final: { files, bytes },
      largestOwnFiles: largest.sorted(),
      wastedPaths: wasted.sorted(),
      duplicates: [],
      findings: summariseFindings(findings, baseLayers)
    },
    candidates
  };
}
function duplicateGroups(groups, top = 50) {
  let list = new TopList(top, (group) => group.wastedBytes);
  for (let { paths, verified } of groups) {
    if (paths.length < 2) continue;
    let sorted = paths.map(({ path, bytes, layer }) => ({ path, bytes, layer })).sort((a, b) => a.path < b.path ? -1 : 1);
    list.add({
      bytes: sorted[0].bytes,
      paths: sorted,
      wastedBytes: sorted[0].bytes * (sorted.length - 1),
      verified
    });
  }
  return list.sorted();
}
function summariseFindings(findings, baseLayers) {
  let byCategory = /* @__PURE__ */ new Map();
  for (let finding of findings) {
    let key = `${finding.kind}:${finding.category}`, summary = byCategory.get(key);
    summary || (summary = {
      kind: finding.kind,
      category: finding.category,
      files: 0,
      bytes: 0,
      ownBytes: 0,
      examples: []
    }, byCategory.set(key, summary)), summary.files++, summary.bytes += finding.bytes, finding.layer >= baseLayers && (summary.ownBytes += finding.bytes), summary.examples.push({ path: finding.path, bytes: finding.bytes, layer: finding.layer });
  }
  let summaries = [...byCategory.values()];
  for (let summary of summaries)
    summary.examples = summary.examples.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1)).slice(0, 5);
  return summaries.sort(
    (a, b) => compareText(a.kind, b.kind) || b.bytes - a.bytes || compareText(a.category, b.category)
  );
}
var TopList = class {
  constructor(size, weight) {
    this.size = size;
    this.weight = weight;
  }
  size;
  weight;
  items = [];
  add(item) {
    this.items.push(item), this.items.length >= this.size * 4 && (this.items = this.sorted());
  }
  sorted() {
    return this.items.sort((a, b) => this.weight(b) - this.weight(a)).slice(0, this.size);
  }
};

// src/report/contents/analyze.ts
async function analyzeLayers(layers, openLayer, options = {}) {
  let filesystem = new LayeredFilesystem();
  for (let [index, ref] of layers.entries()) {
    let layer = filesystem.beginLayer(index), { tarBytes } = await scanLayer(
      await openLayer(ref, index),
      (entry) => filesystem.apply(layer, entry),
      {
        label: layerLabel(ref, index, options.sourceLabel),
        minDuplicateBytes: options.minDuplicateBytes,
        positions: options.readRange ? new StreamPositions() : void 0
      }
    );
    layer.tarBytes = tarBytes;
  }
  return finishAnalysis(filesystem, layers, { open: openLayer, readRange: options.readRange }, options);
}
async function analyzeLayerFiles(layers, pathOf, options = {}) {
  let filesystem = new LayeredFilesystem();
  for (let [index, ref] of layers.entries()) {
    let layer = filesystem.beginLayer(index), label = layerLabel(ref, index, options.sourceLabel), path = pathOf(ref, index), apply = (entry) => filesystem.apply(layer, entry), handle = await open(path, "r").catch(() => {
      throw new ImageContentError(`${label}: blob ${path} is missing (incomplete layout?)`);
    });
    try {
      let { size } = await handle.stat(), file = new FileWindow(handle.fd), head = file.read(0, 4);
      layer.tarBytes = compression(head) ? (await scanLayer(createReadStream(path, { highWaterMark: 1 << 20 }), apply, { label, ...options })).tarBytes : (await scanLayerFile(file, { start: 0, end: size }, apply, label)).tarBytes;
    } finally {
      await handle.close();
    }
  }
  return finishAnalysis(filesystem, layers, { open: async (ref, index) => createReadStream(pathOf(ref, index), { highWaterMark: 1 << 20 }), readRange: async (index, offset, bytes) => {
    let handle = await open(pathOf(layers[index], index), "r");
    try {
      let buffer = Buffer.alloc(bytes), { bytesRead } = await handle.read(buffer, 0, bytes, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } }, options);
}
async function finishAnalysis(filesystem, layers, source, options = {}) {
  let { analysis: analysis2, candidates } = summariseFilesystem(filesystem, options), printed = await fingerprinted(candidates, source.readRange), groups = options.verifyDuplicates !== !1 && (source.open !== void 0 || source.readRange !== void 0) ? await verifiedGroups(printed, {
    readRange: source.readRange,
    hashLayer: source.open ? async (index, wanted) => {
      let blob = await source.open(layers[index], index);
      return hashLayerFiles(blob, wanted, layerLabel(layers[index], index, options.sourceLabel));
    } : void 0
  }) : printed.map((paths) => ({ paths, verified: paths[0].bytes <= 2 * SAMPLE }));
  return analysis2.duplicates = duplicateGroups(groups, options.top), analysis2;
}
async function fingerprinted(candidates, readRange) {
  let byFingerprint = /* @__PURE__ */ new Map();
  for (let paths of candidates.values())
    if (!(paths.length < 2))
      for (let file of paths) {
        if (!file.fingerprint && readRange && file.offset !== void 0 && (file.fingerprint = await fingerprintInPlace(file, readRange)), !file.fingerprint) continue;
        let group = byFingerprint.get(file.fingerprint);
        group ? group.push(file) : byFingerprint.set(file.fingerprint, [file]);
      }
  return [...byFingerprint.values()].filter((group) => group.length > 1);
}
async function verifiedGroups(candidates, verifiers) {
  let groups = [], pending = [], hashes = /* @__PURE__ */ new Map(), wantedByLayer = /* @__PURE__ */ new Map();
  for (let paths of candidates)
    paths[0].bytes <= 2 * SAMPLE ? groups.push({ paths, verified: !0 }) : pending.push(paths);
  for (let file of pending.flat()) {
    let hash = verifiers.readRange && file.offset !== void 0 ? await hashInPlace(file, verifiers.readRange) : void 0;
    if (hash) hashes.set(file.path, hash);
    else if (verifiers.hashLayer) {
      let wanted = wantedByLayer.get(file.layer) ?? /* @__PURE__ */ new Set();
      wanted.add(file.path), wantedByLayer.set(file.layer, wanted);
    }
  }
  for (let [index, wanted] of [...wantedByLayer].sort((a, b) => a[0] - b[0]))
    for (let [path, hash] of await verifiers.hashLayer(index, wanted)) hashes.set(path, hash);
  for (let paths of pending) {
    let byHash = /* @__PURE__ */ new Map();
    for (let entry of paths) {
      let hash = hashes.get(entry.path);
      hash && byHash.set(hash, [...byHash.get(hash) ?? [], entry]);
    }
    for (let same of byHash.values()) groups.push({ paths: same, verified: !0 });
  }
  return groups;
}
var RANGE_CHUNK = 1 << 20;
async function fingerprintInPlace(file, readRange) {
  let offset = file.offset ?? 0;
  if (file.bytes <= 2 * SAMPLE) {
    let content = await readRange(file.layer, offset, file.bytes);
    return content.length === file.bytes ? smallFingerprint(content) : void 0;
  }
  let head = await readRange(file.layer, offset, SAMPLE);
  if (head.length < SAMPLE) return;
  let headCrc = crc322(head), tail2 = await readRange(file.layer, offset + file.bytes - SAMPLE, SAMPLE);
  if (!(tail2.length < SAMPLE))
    return fingerprintText(file.bytes, headCrc, crc322(tail2));
}
async function hashInPlace(file, readRange) {
  let offset = file.offset ?? 0, full = createHash5("sha256"), head = 0, tail2 = Buffer.alloc(0);
  for (let done = 0; done < file.bytes; ) {
    let chunk = await readRange(file.layer, offset + done, Math.min(RANGE_CHUNK, file.bytes - done));
    if (chunk.length === 0) return;
    done < SAMPLE && (head = crc322(chunk.subarray(0, SAMPLE - done), head)), full.update(chunk), tail2 = chunk.length >= SAMPLE ? chunk.subarray(chunk.length - SAMPLE) : Buffer.concat([tail2, chunk]).subarray(-SAMPLE), done += chunk.length;
  }
  if (fingerprintText(file.bytes, head, crc322(tail2)) === file.fingerprint)
    return full.digest("hex");
}
function layerLabel(ref, index, source) {
  let digest = ref.digest ?? ref.diffId;
  return `layer ${index + 1}${digest ? ` (${digest.slice(0, 19)}\u2026)` : ""}${source ? ` of ${source}` : ""}`;
}

// src/report/contents/stored.ts
var ANALYSIS_ARTIFACT_TYPE = "application/vnd.image-build.content-analysis.v1+json", STORED_ANALYSIS_SCHEMA = 1, MAX_STORED_ANALYSIS_BYTES = 2 * 1024 * 1024, EMPTY_MEDIA_TYPE = "application/vnd.oci.empty.v1+json", EMPTY_CONFIG = {
  bytes: new Uint8Array(Buffer.from("{}")),
  digest: sha256Digest(new Uint8Array(Buffer.from("{}")))
};
function storedAnalysisTag(imageDigest) {
  return `${imageDigest.replace(":", "-")}.analysis`;
}
function encodeStoredAnalysis(analysis2, image, context) {
  let document = {
    schemaVersion: STORED_ANALYSIS_SCHEMA,
    image: image.digest,
    ...context.baseLayerCount !== void 0 && { baseLayerCount: context.baseLayerCount },
    analysis: analysis2
  }, bytes = new Uint8Array(Buffer.from(JSON.stringify(document)));
  if (bytes.length > MAX_STORED_ANALYSIS_BYTES) return;
  let digest = sha256Digest(bytes), manifest = {
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociManifest,
    artifactType: ANALYSIS_ARTIFACT_TYPE,
    config: { mediaType: EMPTY_MEDIA_TYPE, digest: EMPTY_CONFIG.digest, size: 2, data: "e30=" },
    layers: [
      {
        mediaType: ANALYSIS_ARTIFACT_TYPE,
        digest,
        size: bytes.length,
        // OCI image-spec 1.1: the content inline, so a reader needs one manifest GET.
        data: Buffer.from(bytes).toString("base64")
      }
    ],
    subject: { mediaType: image.mediaType, digest: image.digest, size: image.size }
  }, manifestBytes = new Uint8Array(Buffer.from(JSON.stringify(manifest)));
  return {
    manifest: {
      bytes: manifestBytes,
      mediaType: MEDIA_TYPES.ociManifest,
      digest: sha256Digest(manifestBytes)
    },
    layer: { digest, bytes }
  };
}
var fail = (reason) => ({ ok: !1, reason }), isRecord = (value) => typeof value == "object" && value !== null && !Array.isArray(value);
function decodeAnalysisManifest(bytes, imageDigest) {
  let parsed;
  try {
    parsed = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    return fail("the manifest is not JSON");
  }
  if (!isRecord(parsed)) return fail("the manifest is not an object");
  if (parsed.mediaType !== MEDIA_TYPES.ociManifest) return fail("the manifest is not an OCI image manifest");
  if (parsed.artifactType !== ANALYSIS_ARTIFACT_TYPE) return fail("the artifact type is not an analysis");
  let subject = parsed.subject;
  if (!isRecord(subject) || subject.digest !== imageDigest)
    return fail(`its subject is not the image ${imageDigest}`);
  let layers = parsed.layers;
  if (!Array.isArray(layers) || layers.length !== 1) return fail("it does not have exactly one layer");
  let layer = layers[0];
  if (!isRecord(layer) || layer.mediaType !== ANALYSIS_ARTIFACT_TYPE)
    return fail("its layer is not an analysis");
  let { digest, size, data } = layer;
  if (typeof digest != "string" || !/^sha256:[a-f0-9]{64}$/.test(digest))
    return fail("its layer digest is not a sha256 digest");
  if (typeof size != "number" || !Number.isSafeInteger(size) || size < 0)
    return fail("its layer size is not a size");
  if (size > MAX_STORED_ANALYSIS_BYTES)
    return fail(`its layer is ${size} bytes, over ${MAX_STORED_ANALYSIS_BYTES}`);
  if (data === void 0) return { ok: !0, value: { digest, size } };
  if (typeof data != "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(data))
    return fail("its inline data is not base64");
  let inline = new Uint8Array(Buffer.from(data, "base64"));
  return inline.length !== size || sha256Digest(inline) !== digest ? fail("its inline data does not match its layer digest") : { ok: !0, value: { digest, size, inline } };
}
function decodeAnalysisDocument(bytes, expected) {
  if (bytes.length > MAX_STORED_ANALYSIS_BYTES) return fail("the document is too large");
  let parsed;
  try {
    parsed = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    return fail("the document is not JSON");
  }
  if (!isRecord(parsed)) return fail("the document is not an object");
  if (parsed.schemaVersion !== STORED_ANALYSIS_SCHEMA)
    return fail(`schema version ${String(parsed.schemaVersion)} is not known`);
  if (parsed.image !== expected.imageDigest) return fail("it is the analysis of another image");
  if (parsed.baseLayerCount !== expected.baseLayerCount)
    return fail(
      `it was made with ${String(parsed.baseLayerCount ?? "no")} base layers, not ${String(expected.baseLayerCount ?? "none")}`
    );
  try {
    let value = analysis(parsed.analysis, "analysis");
    return value.layers.length !== expected.layerCount ? fail(`it has ${value.layers.length} layers, the image ${expected.layerCount}`) : { ok: !0, value };
  } catch (error) {
    if (error instanceof ShapeError) return fail(error.message);
    throw error;
  }
}
var ShapeError = class extends Error {
};
function number(value, at) {
  if (typeof value != "number" || !Number.isFinite(value)) throw new ShapeError(`${at} is not a number`);
  return value;
}
function string(value, at) {
  if (typeof value != "string") throw new ShapeError(`${at} is not a string`);
  return value;
}
function boolean(value, at) {
  if (typeof value != "boolean") throw new ShapeError(`${at} is not a boolean`);
  return value;
}
function record(value, at) {
  if (!isRecord(value)) throw new ShapeError(`${at} is not an object`);
  return value;
}
function array(value, at, item) {
  if (!Array.isArray(value)) throw new ShapeError(`${at} is not an array`);
  return value.map((entry, index) => item(entry, `${at}[${index}]`));
}
var LAYER_COUNTS = [
  "index",
  "tarBytes",
  "uncompressedBytes",
  "files",
  "directories",
  "links",
  "added",
  "modified",
  "removed",
  "whiteouts",
  "opaqueDirectories",
  "reclaimableBytes"
];
function layerContents(value, at) {
  let o = record(value, at);
  return Object.fromEntries(
    LAYER_COUNTS.map((key) => [key, number(o[key], `${at}.${key}`)])
  );
}
function fileEntry(value, at) {
  let o = record(value, at);
  return {
    path: string(o.path, `${at}.path`),
    bytes: number(o.bytes, `${at}.bytes`),
    layer: number(o.layer, `${at}.layer`)
  };
}
function wastedPath(value, at) {
  let o = record(value, at);
  return {
    path: string(o.path, `${at}.path`),
    reclaimableBytes: number(o.reclaimableBytes, `${at}.reclaimableBytes`),
    cumulativeBytes: number(o.cumulativeBytes, `${at}.cumulativeBytes`),
    occurrences: number(o.occurrences, `${at}.occurrences`),
    layer: number(o.layer, `${at}.layer`),
    deleted: boolean(o.deleted, `${at}.deleted`)
  };
}
function duplicateGroup(value, at) {
  let o = record(value, at);
  return {
    bytes: number(o.bytes, `${at}.bytes`),
    paths: array(o.paths, `${at}.paths`, fileEntry),
    wastedBytes: number(o.wastedBytes, `${at}.wastedBytes`),
    verified: boolean(o.verified, `${at}.verified`)
  };
}
var FINDING_KINDS = ["build-tool", "package-cache", "secret"];
function findingSummary(value, at) {
  let o = record(value, at), kind = string(o.kind, `${at}.kind`);
  if (!FINDING_KINDS.includes(kind)) throw new ShapeError(`${at}.kind is not a kind`);
  return {
    kind,
    category: string(o.category, `${at}.category`),
    files: number(o.files, `${at}.files`),
    bytes: number(o.bytes, `${at}.bytes`),
    ownBytes: number(o.ownBytes, `${at}.ownBytes`),
    examples: array(o.examples, `${at}.examples`, fileEntry)
  };
}
function analysis(value, at) {
  let o = record(value, at), final = record(o.final, `${at}.final`);
  return {
    layers: array(o.layers, `${at}.layers`, layerContents),
    efficiency: number(o.efficiency, `${at}.efficiency`),
    reclaimableBytes: number(o.reclaimableBytes, `${at}.reclaimableBytes`),
    cumulativeBytes: number(o.cumulativeBytes, `${at}.cumulativeBytes`),
    final: {
      files: number(final.files, `${at}.final.files`),
      bytes: number(final.bytes, `${at}.final.bytes`)
    },
    largestOwnFiles: array(o.largestOwnFiles, `${at}.largestOwnFiles`, fileEntry),
    wastedPaths: array(o.wastedPaths, `${at}.wastedPaths`, wastedPath),
    duplicates: array(o.duplicates, `${at}.duplicates`, duplicateGroup),
    findings: array(o.findings, `${at}.findings`, findingSummary)
  };
}

// src/report/sources/docker-save.ts
import { createReadStream as createReadStream2 } from "node:fs";
import { open as open2, stat as stat2 } from "node:fs/promises";

// src/report/sources/oci-index.ts
var INDEX_TYPES = /* @__PURE__ */ new Set([
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json"
]), REF_NAME = "org.opencontainers.image.ref.name", DIGEST2 = /^sha(?:256:[a-f0-9]{64}|512:[a-f0-9]{128})$/;
function blobPath(digest, label) {
  if (!DIGEST2.test(digest))
    throw new ImageContentError(`${label} names a blob by an invalid digest: ${digest.slice(0, 80)}`);
  let [algorithm, hex] = digest.split(":");
  return `blobs/${algorithm}/${hex}`;
}
async function resolveOciImage(top, readJson, options, label) {
  if (!Array.isArray(top.manifests) || top.manifests.length === 0)
    throw new ImageContentError(`${label} has an index.json without manifests`);
  let entry = pickEntry(top, options.tag, label), index, chosen = entry;
  if (entry.mediaType && INDEX_TYPES.has(entry.mediaType)) {
    let document = await readJson(entry.digest);
    chosen = selectPlatform(document, options.platform), index = { digest: entry.digest, document };
  } else platformManifests(top).filter((item) => item.platform).length > 1 && (chosen = selectPlatform(top, options.platform), index = { document: top });
  let manifest = await readJson(chosen.digest);
  if (!manifest?.config?.digest || !Array.isArray(manifest.layers))
    throw new ImageContentError(`${label}: ${chosen.digest} is not an image manifest`);
  let config = await readJson(manifest.config.digest);
  return { manifest, digest: chosen.digest, config, index, refName: entry.annotations?.[REF_NAME] };
}
function pickEntry(top, tag, label) {
  if (!tag) return top.manifests[0];
  let found = top.manifests.find((item) => {
    let name = item.annotations?.[REF_NAME] ?? item.annotations?.["io.containerd.image.name"] ?? "";
    return name === tag || name.endsWith(`:${tag}`);
  });
  if (!found) {
    let names = top.manifests.map((item) => item.annotations?.[REF_NAME]).filter(Boolean);
    throw new InputError(
      "tag",
      `${label} has no image tagged ${tag}${names.length ? `; it has ${names.join(", ")}` : ""}`
    );
  }
  return found;
}
function hasCompressedLayers(manifest) {
  return manifest.layers.length > 0 && manifest.layers.every((layer) => /gzip|zstd/.test(layer.mediaType ?? ""));
}

// src/report/sources/oci-layout.ts
import { readFile as readFile2, stat } from "node:fs/promises";
import { join as join4 } from "node:path";
async function readOciLayout(dir, options = {}) {
  if (!(await stat(dir).catch(() => {
  }))?.isDirectory())
    throw new InputError("image", `${dir} is not a directory (expected an OCI image layout)`);
  let label = dir, indexText = await readFile2(join4(dir, "index.json"), "utf8").catch(() => {
    throw new InputError("image", `${dir} is not an OCI image layout: it has no index.json`);
  }), readJson = async (digest) => {
    let path = join4(dir, blobPath(digest, label)), text = await readFile2(path, "utf8").catch(() => {
      throw new ImageContentError(`${label} lacks blob ${digest} (incomplete layout?)`);
    });
    return parseJson(text, `${label} blob ${digest}`);
  }, top = parseJson(indexText, `${label}/index.json`), resolved = await resolveOciImage(top, readJson, options, label), model = imageModelFromMetadata({
    image: options.image ?? dir,
    manifest: resolved.manifest,
    config: resolved.config,
    digest: resolved.digest,
    index: resolved.index,
    tags: resolved.refName ? [resolved.refName] : [],
    base: options.base,
    source: "oci-layout",
    compressedLayers: hasCompressedLayers(resolved.manifest)
  });
  if (options.analyze === !1) return { model };
  let layers = resolved.manifest.layers.map((layer, index) => ({
    digest: layer.digest,
    diffId: model.layers[index]?.diffId
  })), contents = await analyzeLayerFiles(
    layers,
    (layer) => join4(dir, blobPath(layer.digest ?? "", label)),
    {
      baseLayerCount: model.base?.layerCount,
      sourceLabel: label,
      ...options.analyze
    }
  );
  return { model, contents };
}
function parseJson(text, label) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ImageContentError(`${label} is not valid JSON: ${error.message}`);
  }
}

// src/report/sources/docker-save.ts
var METADATA_LIMIT = 8 << 20;
async function readDockerSave(path, options = {}) {
  let info = await stat2(path).catch(() => {
  });
  if (!info) throw new InputError("image", `${path}: no such file (expected a \`docker save\` tarball)`);
  if (!info.isFile())
    throw new InputError("image", `${path} is not a file (expected a \`docker save\` tarball)`);
  let handle = await open2(path, "r");
  try {
    return await readSaved(path, info.size, new FileWindow(handle.fd), options);
  } finally {
    await handle.close();
  }
}
async function readSaved(path, size, file, options) {
  let metadata = /* @__PURE__ */ new Map(), links = /* @__PURE__ */ new Map(), members = /* @__PURE__ */ new Map();
  await walkTar(file, 0, size, path, (member) => {
    let name = normalisePath(member.path) ?? "";
    if (member.type === "SymbolicLink" || member.type === "Link") {
      let dir = member.type === "SymbolicLink" ? name.slice(0, Math.max(0, name.lastIndexOf("/"))) : "", target = resolveLink(dir, member.linkpath ?? "");
      target !== void 0 && links.set(name, target);
      return;
    }
    if (!isFile(member.type)) return;
    members.set(name, { offset: member.offset, size: member.size });
    let isBlob = name.startsWith("blobs/"), isMetadata = !isBlob && /(?:^|\/)(?:[^/]*\.json|repositories|oci-layout)$/.test(name), isJsonBlob = isBlob && member.size > 0 && member.size <= METADATA_LIMIT && file.read(member.offset, 1)[0] === 123;
    (isMetadata && member.size <= METADATA_LIMIT || isJsonBlob) && metadata.set(name, file.read(member.offset, member.size).toString("utf8"));
  });
  let image = await imageOf(path, metadata, members, options), model = imageModelFromMetadata({
    image: options.image ?? image.repoTags[0]?.replace(/:[^:/]+$/, "") ?? path,
    manifest: image.manifest,
    config: image.config,
    digest: image.digest,
    index: image.index,
    tags: image.repoTags,
    base: options.base,
    source: "docker-save",
    compressedLayers: image.compressed
  });
  if (options.analyze === !1) return { model };
  let memberOf = (index) => {
    let name = image.layerNames[index], member = members.get(links.get(name) ?? name);
    if (!member)
      throw new ImageContentError(`${path} lists layer ${name} but does not contain it (truncated?)`);
    return { ...member, name };
  }, filesystem = new LayeredFilesystem();
  for (let index of image.layerNames.keys()) {
    let member = memberOf(index), label = `layer ${member.name} of ${path}`;
    if (member.size === 0) throw new ImageContentError(`${label} is empty (0 bytes): truncated or corrupt`);
    let layer = filesystem.beginLayer(index), apply = (entry) => filesystem.apply(layer, entry), range2 = { start: member.offset, end: member.offset + member.size };
    layer.tarBytes = compression(file.read(member.offset, 4)) ? (await scanLayer(memberStream(path, range2), apply, { label })).tarBytes : (await scanLayerFile(file, range2, apply, label)).tarBytes;
  }
  let refs = model.layers.map((layer) => ({ digest: layer.digest, diffId: layer.diffId })), contents = await finishAnalysis(
    filesystem,
    refs,
    {
      // Offsets are of the tarball itself: plain layers are read in place.
      readRange: async (_, offset, bytes) => file.read(offset, bytes),
      open: async (_, index) => {
        let member = memberOf(index);
        return memberStream(path, { start: member.offset, end: member.offset + member.size });
      }
    },
    { baseLayerCount: model.base?.layerCount, sourceLabel: path, ...options.analyze }
  );
  return { model, contents };
}
function memberStream(path, range2) {
  return createReadStream2(path, { start: range2.start, end: range2.end - 1, highWaterMark: 1 << 20 });
}
async function imageOf(path, metadata, members, options) {
  let json = (name) => {
    let content = metadata.get(name);
    if (content === void 0)
      throw new ImageContentError(`${path} has no ${name}: not a \`docker save\` tarball, or truncated`);
    return parseJson(content, `${path}: ${name}`);
  }, readBlob = async (digest) => json(blobPath(digest, path));
  if (!metadata.has("manifest.json") && metadata.has("index.json")) {
    let resolved = await resolveOciImage(json("index.json"), readBlob, options, path);
    return {
      ...resolved,
      repoTags: resolved.refName ? [resolved.refName] : [],
      layerNames: resolved.manifest.layers.map((layer) => blobPath(layer.digest, path)),
      compressed: hasCompressedLayers(resolved.manifest)
    };
  }
  let entries = json("manifest.json");
  if (!Array.isArray(entries) || entries.length === 0)
    throw new ImageContentError(`${path}: manifest.json lists no image`);
  let entry = options.tag ? entries.find(
    (item) => item.RepoTags?.some((tag) => tag === options.tag || tag.endsWith(`:${options.tag}`))
  ) : entries[0];
  if (!entry) {
    let tags = entries.flatMap((item) => item.RepoTags ?? []);
    throw new InputError(
      "tag",
      `${path} has no image tagged ${options.tag}; it has ${tags.join(", ") || "untagged images"}`
    );
  }
  let configText = metadata.get(normalisePath(entry.Config) ?? entry.Config);
  if (configText === void 0)
    throw new ImageContentError(`${path} lacks the image config ${entry.Config} (truncated?)`);
  let config = parseJson(configText, `${path}: ${entry.Config}`), layerNames = entry.Layers.map((name) => normalisePath(name) ?? name), oci = metadata.has("index.json") ? await resolveOciImage(json("index.json"), readBlob, options, path).catch(() => {
  }) : void 0, diffIds = config.rootfs?.diff_ids ?? [];
  return {
    manifest: oci?.manifest ?? {
      config: {
        size: Buffer.byteLength(configText),
        digest: sha256Digest(Buffer.from(configText))
      },
      // The legacy layout has no manifest: a layer's size is its uncompressed tar's.
      layers: layerNames.map((name, index) => ({
        digest: diffIds[index] ?? "",
        size: members.get(name)?.size ?? 0
      }))
    },
    config,
    digest: oci?.digest,
    repoTags: entry.RepoTags ?? [],
    layerNames,
    compressed: oci ? hasCompressedLayers(oci.manifest) : !1
  };
}
function resolveLink(dir, target) {
  let parts = target.startsWith("/") ? [] : dir.split("/").filter(Boolean);
  for (let part of target.split("/"))
    if (part === "..") {
      if (!parts.pop()) return;
    } else part && part !== "." && parts.push(part);
  return parts.join("/");
}

// src/report/sources/engine.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join5 } from "node:path";
async function readEngineImage(reference, options) {
  let dir = await mkdtemp(join5(options.tmpDir ?? tmpdir2(), "image-build-save-"));
  try {
    let tarball = join5(dir, "image.tar"), saved = await options.runner.run(options.docker ?? "docker", ["save", "-o", tarball, reference], {
      env: options.env
    });
    if (saved.exitCode !== 0)
      throw new InputError(
        "image",
        `the engine could not save ${reference}: ${saved.stderr.trim().split(`
`)[0] ?? ""}`
      );
    let image = await readDockerSave(tarball, { image: imageName(reference), ...options });
    return { ...image, model: { ...image.model, source: "engine" } };
  } finally {
    await rm(dir, { recursive: !0, force: !0 });
  }
}
function imageName(reference) {
  try {
    return repositoryName(parseReference(reference));
  } catch {
    return reference;
  }
}

// src/pipeline/report-inputs.ts
var DEFAULT_CONTENTS_LIMIT = "2GiB", UNITS = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4
};
function parseByteSize(input, text) {
  let match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim()), unit = UNITS[(match?.[2] || "b").toLowerCase()];
  if (!match || unit === void 0)
    throw new InputError(
      input,
      `"${text.trim()}" is not a size: a number with B, KB, MB, GB (powers of 1000) or KiB, MiB, GiB (powers of 1024)`
    );
  return Math.round(Number(match[1]) * unit);
}
function parsePercent(input, text) {
  let match = /^(\d+(?:\.\d+)?)\s*%?$/.exec(text.trim());
  if (!match) throw new InputError(input, `"${text.trim()}" is not a percentage (e.g. 10%)`);
  return Number(match[1]);
}
function parseRatio(input, text) {
  let value = text.trim(), ratio = value.endsWith("%") ? parsePercent(input, value) / 100 : Number(value);
  if (!/^\d/.test(value) || !Number.isFinite(ratio) || ratio < 0 || ratio > 1)
    throw new InputError(
      input,
      `"${value}" is not a ratio: write a percentage (90%) or a number from 0 to 1`
    );
  return ratio;
}
function parseWholeNumber(input, text, minimum = 0) {
  let value = text.trim();
  if (!/^\d+$/.test(value) || Number(value) < minimum)
    throw new InputError(
      input,
      `"${value}" is not a whole number${minimum ? ` of at least ${minimum}` : ""}`
    );
  return Number(value);
}
var POLICY_KEYS = {
  "non-root": "nonRoot",
  healthcheck: "healthcheck",
  "build-tools": "buildTools",
  "package-caches": "packageCaches",
  secrets: "secrets",
  "base-pinned": "basePinned",
  "size-budget": "sizeBudget",
  "layer-count": "layerCount",
  efficiency: "efficiency",
  vulnerabilities: "vulnerabilities",
  "smoke-test": "smokeTest"
}, LEVELS = ["fail", "warn", "off"];
function parseCheckLevels(text) {
  let levels = {};
  for (let item of parseListInput(text, { input: "report-checks" })) {
    let fail2 = (message) => {
      throw new InputError("report-checks", message, { line: item.line });
    }, [name, level, ...rest] = item.value.split("=").map((part) => part.trim());
    (level === void 0 || rest.length) && fail2(`"${item.value}" is not check=level`);
    let key = POLICY_KEYS[name];
    if (!key) {
      let near = closestMatch(name, Object.keys(POLICY_KEYS));
      fail2(
        `"${name}" is not a check${near ? ` (did you mean ${near}?)` : ""}; the checks are ${Object.keys(POLICY_KEYS).join(", ")}`
      );
    }
    LEVELS.includes(level) || fail2(`"${level}" is not a level: fail, warn or off`), levels[key] = level;
  }
  return levels;
}
function parseSizeBudget(text) {
  let budget = {};
  for (let item of parseListInput(text, { input: "size-budget" })) {
    let equals = item.value.indexOf("="), key = equals < 0 ? "compressed" : item.value.slice(0, equals).trim(), value = equals < 0 ? item.value : item.value.slice(equals + 1), input = "size-budget";
    switch (key) {
      case "compressed":
        budget.maxCompressedBytes = parseByteSize(input, value);
        break;
      case "uncompressed":
        budget.maxUncompressedBytes = parseByteSize(input, value);
        break;
      case "growth":
        budget.maxGrowthPercent = parsePercent(input, value);
        break;
      case "growth-bytes":
        budget.maxGrowthBytes = parseByteSize(input, value);
        break;
      case "growth-floor":
        budget.growthFloorBytes = parseByteSize(input, value);
        break;
      default:
        throw new InputError(
          input,
          `unknown key "${key}"; the keys are compressed, uncompressed, growth, growth-bytes, growth-floor`,
          { line: item.line }
        );
    }
  }
  return budget;
}
function parseSmokeTest(read) {
  let text = read("smoke-test").trim(), timeoutSeconds = parseWholeNumber("smoke-test-timeout", read("smoke-test-timeout") || "30", 1), network = read("smoke-test-network").trim() || "none";
  if (network !== "none" && network !== "host")
    throw new InputError("smoke-test-network", `"${network}" is not none or host`);
  if (!(text === "" || text === "off" || text === "false")) {
    if (text === "healthcheck" || text === "true") return { timeoutSeconds, network };
    if (text.startsWith("[")) {
      let parsed;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = void 0;
      }
      if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((word) => typeof word == "string"))
        throw new InputError("smoke-test", `${text} is not a JSON array of strings (the exec form)`);
      return { command: parsed, timeoutSeconds, network };
    }
    return { command: ["sh", "-c", text], timeoutSeconds, network };
  }
}
function parseBaseline(text, registry) {
  let value = text.trim();
  if (value === "") return { kind: "auto" };
  if (value === "none") return { kind: "none" };
  if (!/[/:@]/.test(value)) {
    if (!isValidTag(value))
      throw new InputError("report-baseline", `"${value}" is neither a tag nor an image reference`);
    return { kind: "tag", tag: value };
  }
  let ref = parseImageInput(withDefaultRegistry(value, registry), "report-baseline");
  if (!ref.tag && !ref.digest)
    throw new InputError("report-baseline", `"${value}" needs a tag or a digest (image:tag, image@sha256:\u2026)`);
  return { kind: "reference", reference: formatReference(ref) };
}
function readReportInputs(read, registry) {
  let levels = parseCheckLevels(read("report-checks")), level = (key) => levels[key] ? { level: levels[key] } : {}, minEfficiency = read("min-efficiency").trim(), maxLayers = read("max-layers").trim(), policy = {
    nonRoot: level("nonRoot"),
    healthcheck: level("healthcheck"),
    buildTools: level("buildTools"),
    packageCaches: level("packageCaches"),
    secrets: level("secrets"),
    basePinned: level("basePinned"),
    sizeBudget: { ...parseSizeBudget(read("size-budget")), ...level("sizeBudget") },
    layerCount: { max: parseWholeNumber("max-layers", maxLayers || "50", 1), ...level("layerCount") },
    efficiency: { min: parseRatio("min-efficiency", minEfficiency || "90%"), ...level("efficiency") },
    vulnerabilities: level("vulnerabilities"),
    smokeTest: level("smokeTest")
  }, price = read("storage-price").trim() || String(0.1);
  if (!/^\d+(\.\d+)?$/.test(price))
    throw new InputError("storage-price", `"${price}" is not a price (USD per GB-month, e.g. 0.10)`);
  let smokeTest = parseSmokeTest(read);
  return {
    comment: parseBoolean("comment", read("comment"), !0),
    contents: parseBoolean("report-contents", read("report-contents"), !0),
    contentsLimitBytes: parseByteSize(
      "report-contents-limit",
      read("report-contents-limit") || DEFAULT_CONTENTS_LIMIT
    ),
    baseline: parseBaseline(read("report-baseline"), registry),
    policy,
    pricePerGbMonth: Number(price),
    ...smokeTest && { smokeTest }
  };
}

// src/pipeline/inputs.ts
var IMAGE_INPUTS = /* @__PURE__ */ new Set(["images", "extra-images", "promote-from"]);
function readImageBuildInputs(readRaw) {
  let environment = parseEnvironment(readRaw("environment")), registry = parseRegistry(readRaw("registry")), read = (name) => IMAGE_INPUTS.has(name) ? expandImageTemplate(readRaw(name), name, environment?.name) : readRaw(name), metadata = parseMetadataInputs(
    (name) => name === "context" ? read("metadata-context") : name === "bake-target" ? "" : read(name),
    { tagReferences: !0, contextInput: "metadata-context" }
  );
  metadata.images = metadata.images.map((image) => ({
    ...image,
    name: withDefaultRegistry(image.name, registry)
  }));
  let computed = /* @__PURE__ */ new Set(["tags", "labels", "annotations", "push"]), build = readBuildInputs((name) => computed.has(name) ? "" : read(name));
  parseCachePreset(build.cache), build.cacheFrom.forEach((item) => parseCacheSpec(item, "cache-from")), build.cacheTo.forEach((item) => parseCacheSpec(item, "cache-to"));
  let publish2 = readPublishInputs(read), ecr = readEcrInputs(read);
  return {
    metadata,
    build: { ...build, push: !1 },
    publish: {
      ...publish2,
      extraImages: publish2.extraImages.map((name) => withDefaultRegistry(name, registry)),
      ...publish2.promoteFrom && { promoteFrom: withDefaultRegistry(publish2.promoteFrom, registry) },
      // `latest=always` is the build script's behaviour: nothing guards the floating tags.
      guardFloatingTags: publish2.guardFloatingTags && environment?.latest !== "always"
    },
    ecr,
    summary: parseBoolean("summary", read("summary"), !0),
    reportFile: read("report-file").trim() || void 0,
    report: readReportInputs(read, registry)
  };
}

export {
  selectAutomaticBuildArgs,
  detectBuilder,
  buildsIntoEngine,
  ensureRemoteBuilder,
  parseDockerfile,
  findStage,
  stageDependencies,
  outputField,
  diskFiles,
  validateBuild,
  parsePlainProgress,
  isFromStep,
  cacheHitRate,
  planCache,
  buildImage,
  pushCacheImages,
  build_exports,
  familyVersion,
  findRelease,
  planPublish,
  RegistryError,
  parseImageInput,
  dockerConfigCredentials,
  createRegistryClient,
  registryWriters,
  parseImages,
  preparePublish,
  completePublish,
  promote,
  dockerPushPrimary,
  commitTag,
  decideReuse,
  releaseAnnotations,
  publishedReferences,
  publish_exports,
  parseRegistry,
  withDefaultRegistry,
  isIndex,
  platformManifests,
  selectPlatform,
  imageModelFromMetadata,
  pullBytes,
  summarisePlatform,
  analyzeLayers,
  registry_exports,
  MAX_STORED_ANALYSIS_BYTES,
  EMPTY_CONFIG,
  storedAnalysisTag,
  encodeStoredAnalysis,
  decodeAnalysisManifest,
  decodeAnalysisDocument,
  readOciLayout,
  readDockerSave,
  readEngineImage,
  formatBytes,
  formatDelta,
  severityCounts,
  runSmokeTest,
  buildImageReport,
  unavailableImageModel,
  mdText,
  renderSummaryMarkdown,
  reportCommentMarker,
  renderPullRequestComment,
  renderReportJson,
  renderTerminal,
  report_exports,
  readReportInputs,
  readImageBuildInputs
};
