import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  __commonJS,
  __esm,
  __export,
  __toESM
} from "./chunk-EHNN3ETZ.js";

// node_modules/@smithy/core/dist-es/submodules/schema/deref.js
var deref, init_deref = __esm({
  "node_modules/@smithy/core/dist-es/submodules/schema/deref.js"() {
    deref = (schemaRef) => typeof schemaRef == "function" ? schemaRef() : schemaRef;
  }
});

// node_modules/@smithy/types/dist-cjs/index.js
var require_dist_cjs = __commonJS({
  "node_modules/@smithy/types/dist-cjs/index.js"(exports) {
    var HttpAuthLocation;
    (function(HttpAuthLocation2) {
      HttpAuthLocation2.HEADER = "header", HttpAuthLocation2.QUERY = "query";
    })(HttpAuthLocation || (HttpAuthLocation = {}));
    var HttpApiKeyAuthLocation;
    (function(HttpApiKeyAuthLocation2) {
      HttpApiKeyAuthLocation2.HEADER = "header", HttpApiKeyAuthLocation2.QUERY = "query";
    })(HttpApiKeyAuthLocation || (HttpApiKeyAuthLocation = {}));
    var EndpointURLScheme2;
    (function(EndpointURLScheme3) {
      EndpointURLScheme3.HTTP = "http", EndpointURLScheme3.HTTPS = "https";
    })(EndpointURLScheme2 || (EndpointURLScheme2 = {}));
    var AlgorithmId2;
    (function(AlgorithmId3) {
      AlgorithmId3.MD5 = "md5", AlgorithmId3.CRC32 = "crc32", AlgorithmId3.CRC32C = "crc32c", AlgorithmId3.SHA1 = "sha1", AlgorithmId3.SHA256 = "sha256";
    })(AlgorithmId2 || (AlgorithmId2 = {}));
    var getChecksumConfiguration2 = (runtimeConfig) => {
      let checksumAlgorithms = [];
      return runtimeConfig.sha256 !== void 0 && checksumAlgorithms.push({
        algorithmId: () => AlgorithmId2.SHA256,
        checksumConstructor: () => runtimeConfig.sha256
      }), runtimeConfig.md5 != null && checksumAlgorithms.push({
        algorithmId: () => AlgorithmId2.MD5,
        checksumConstructor: () => runtimeConfig.md5
      }), {
        addChecksumAlgorithm(algo) {
          checksumAlgorithms.push(algo);
        },
        checksumAlgorithms() {
          return checksumAlgorithms;
        }
      };
    }, resolveChecksumRuntimeConfig2 = (clientConfig) => {
      let runtimeConfig = {};
      return clientConfig.checksumAlgorithms().forEach((checksumAlgorithm) => {
        runtimeConfig[checksumAlgorithm.algorithmId()] = checksumAlgorithm.checksumConstructor();
      }), runtimeConfig;
    }, getDefaultClientConfiguration2 = (runtimeConfig) => getChecksumConfiguration2(runtimeConfig), resolveDefaultRuntimeConfig2 = (config) => resolveChecksumRuntimeConfig2(config), FieldPosition;
    (function(FieldPosition2) {
      FieldPosition2[FieldPosition2.HEADER = 0] = "HEADER", FieldPosition2[FieldPosition2.TRAILER = 1] = "TRAILER";
    })(FieldPosition || (FieldPosition = {}));
    var SMITHY_CONTEXT_KEY3 = "__smithy_context", IniSectionType4;
    (function(IniSectionType5) {
      IniSectionType5.PROFILE = "profile", IniSectionType5.SSO_SESSION = "sso-session", IniSectionType5.SERVICES = "services";
    })(IniSectionType4 || (IniSectionType4 = {}));
    var RequestHandlerProtocol;
    (function(RequestHandlerProtocol2) {
      RequestHandlerProtocol2.HTTP_0_9 = "http/0.9", RequestHandlerProtocol2.HTTP_1_0 = "http/1.0", RequestHandlerProtocol2.TDS_8_0 = "tds/8.0";
    })(RequestHandlerProtocol || (RequestHandlerProtocol = {}));
    exports.AlgorithmId = AlgorithmId2;
    exports.EndpointURLScheme = EndpointURLScheme2;
    exports.FieldPosition = FieldPosition;
    exports.HttpApiKeyAuthLocation = HttpApiKeyAuthLocation;
    exports.HttpAuthLocation = HttpAuthLocation;
    exports.IniSectionType = IniSectionType4;
    exports.RequestHandlerProtocol = RequestHandlerProtocol;
    exports.SMITHY_CONTEXT_KEY = SMITHY_CONTEXT_KEY3;
    exports.getDefaultClientConfiguration = getDefaultClientConfiguration2;
    exports.resolveDefaultRuntimeConfig = resolveDefaultRuntimeConfig2;
  }
});

// node_modules/@smithy/core/dist-es/submodules/transport/getSmithyContext.js
var import_types, getSmithyContext, init_getSmithyContext = __esm({
  "node_modules/@smithy/core/dist-es/submodules/transport/getSmithyContext.js"() {
    import_types = __toESM(require_dist_cjs()), getSmithyContext = (context) => context[import_types.SMITHY_CONTEXT_KEY] || (context[import_types.SMITHY_CONTEXT_KEY] = {});
  }
});

// node_modules/@smithy/core/dist-es/submodules/transport/hasOwn.js
function hasOwn(o, k) {
  return Object.prototype.hasOwnProperty.call(o, k);
}
var init_hasOwn = __esm({
  "node_modules/@smithy/core/dist-es/submodules/transport/hasOwn.js"() {
  }
});

// node_modules/@smithy/core/dist-es/submodules/transport/httpRequest.js
function cloneQuery(query) {
  return Object.keys(query).reduce((carry, paramName) => {
    let param = query[paramName];
    return {
      ...carry,
      [paramName]: Array.isArray(param) ? [...param] : param
    };
  }, {});
}
var HttpRequest, init_httpRequest = __esm({
  "node_modules/@smithy/core/dist-es/submodules/transport/httpRequest.js"() {
    HttpRequest = class _HttpRequest {
      method;
      protocol;
      hostname;
      port;
      path;
      query;
      headers;
      username;
      password;
      fragment;
      body;
      constructor(options) {
        this.method = options.method || "GET", this.hostname = options.hostname || "localhost", this.port = options.port, this.query = options.query || {}, this.headers = options.headers || {}, this.body = options.body, this.protocol = options.protocol ? options.protocol.slice(-1) !== ":" ? `${options.protocol}:` : options.protocol : "https:", this.path = options.path ? options.path.charAt(0) !== "/" ? `/${options.path}` : options.path : "/", this.username = options.username, this.password = options.password, this.fragment = options.fragment;
      }
      static clone(request) {
        let cloned = new _HttpRequest({
          ...request,
          headers: { ...request.headers }
        });
        return cloned.query && (cloned.query = cloneQuery(cloned.query)), cloned;
      }
      static isInstance(request) {
        if (!request)
          return !1;
        let req = request;
        return "method" in req && "protocol" in req && "hostname" in req && "path" in req && typeof req.query == "object" && typeof req.headers == "object";
      }
      clone() {
        return _HttpRequest.clone(this);
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/transport/httpResponse.js
var HttpResponse, init_httpResponse = __esm({
  "node_modules/@smithy/core/dist-es/submodules/transport/httpResponse.js"() {
    HttpResponse = class {
      statusCode;
      reason;
      headers;
      body;
      constructor(options) {
        this.statusCode = options.statusCode, this.reason = options.reason, this.headers = options.headers || {}, this.body = options.body;
      }
      static isInstance(response) {
        if (!response)
          return !1;
        let resp = response;
        return typeof resp.statusCode == "number" && typeof resp.headers == "object";
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/transport/isValidHostLabel.js
var VALID_HOST_LABEL_REGEX, isValidHostLabel, init_isValidHostLabel = __esm({
  "node_modules/@smithy/core/dist-es/submodules/transport/isValidHostLabel.js"() {
    VALID_HOST_LABEL_REGEX = new RegExp("^(?!.*-$)(?!-)[a-zA-Z0-9-]{1,63}$"), isValidHostLabel = (value, allowSubDomains = !1) => {
      if (!allowSubDomains)
        return VALID_HOST_LABEL_REGEX.test(value);
      let labels = value.split(".");
      for (let label of labels)
        if (!isValidHostLabel(label))
          return !1;
      return !0;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/transport/isValidHostname.js
function isValidHostname(hostname) {
  return /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(hostname);
}
var init_isValidHostname = __esm({
  "node_modules/@smithy/core/dist-es/submodules/transport/isValidHostname.js"() {
  }
});

// node_modules/@smithy/core/dist-es/submodules/transport/normalizeProvider.js
var normalizeProvider, init_normalizeProvider = __esm({
  "node_modules/@smithy/core/dist-es/submodules/transport/normalizeProvider.js"() {
    normalizeProvider = (input) => {
      if (typeof input == "function")
        return input;
      let promisified = Promise.resolve(input);
      return () => promisified;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/transport/parseQueryString.js
function parseQueryString(querystring) {
  let query = {};
  if (querystring = querystring.replace(/^\?/, ""), querystring)
    for (let pair of querystring.split("&")) {
      let [key, value = null] = pair.split("=");
      key = decodeURIComponent(key), value && (value = decodeURIComponent(value)), key in query ? Array.isArray(query[key]) ? query[key].push(value) : query[key] = [query[key], value] : query[key] = value;
    }
  return query;
}
var init_parseQueryString = __esm({
  "node_modules/@smithy/core/dist-es/submodules/transport/parseQueryString.js"() {
  }
});

// node_modules/@smithy/core/dist-es/submodules/transport/parseUrl.js
var parseUrl, init_parseUrl = __esm({
  "node_modules/@smithy/core/dist-es/submodules/transport/parseUrl.js"() {
    init_parseQueryString();
    parseUrl = (url) => {
      if (typeof url == "string")
        return parseUrl(new URL(url));
      let { hostname, pathname, port, protocol, search } = url, query;
      return search && (query = parseQueryString(search)), {
        hostname,
        port: port ? parseInt(port) : void 0,
        protocol,
        path: pathname,
        query
      };
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/transport/toEndpointV1.js
var toEndpointV1, init_toEndpointV1 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/transport/toEndpointV1.js"() {
    init_hasOwn();
    init_parseUrl();
    toEndpointV1 = (endpoint) => {
      if (typeof endpoint == "object") {
        if ("url" in endpoint) {
          let v1Endpoint = parseUrl(endpoint.url);
          if (endpoint.headers) {
            v1Endpoint.headers = {};
            for (let name in endpoint.headers)
              hasOwn(endpoint.headers, name) && (v1Endpoint.headers[name.toLowerCase()] = endpoint.headers[name].join(", "));
          }
          return v1Endpoint;
        }
        return endpoint;
      }
      return parseUrl(endpoint);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/transport/index.js
var init_transport = __esm({
  "node_modules/@smithy/core/dist-es/submodules/transport/index.js"() {
    init_getSmithyContext();
    init_hasOwn();
    init_httpRequest();
    init_httpResponse();
    init_isValidHostLabel();
    init_isValidHostname();
    init_normalizeProvider();
    init_parseQueryString();
    init_parseUrl();
    init_toEndpointV1();
  }
});

// node_modules/@smithy/core/dist-es/submodules/schema/schemas/operation.js
var operation, init_operation = __esm({
  "node_modules/@smithy/core/dist-es/submodules/schema/schemas/operation.js"() {
    operation = (namespace, name, traits, input, output) => ({
      name,
      namespace,
      traits,
      input,
      output
    });
  }
});

// node_modules/@smithy/core/dist-es/submodules/schema/middleware/schemaDeserializationMiddleware.js
var schemaDeserializationMiddleware, findHeader, init_schemaDeserializationMiddleware = __esm({
  "node_modules/@smithy/core/dist-es/submodules/schema/middleware/schemaDeserializationMiddleware.js"() {
    init_transport();
    init_operation();
    schemaDeserializationMiddleware = (config) => (next, context) => async (args) => {
      let { response } = await next(args), { operationSchema } = getSmithyContext(context), [, ns, n, t, i, o] = operationSchema ?? [];
      try {
        let parsed = await config.protocol.deserializeResponse(operation(ns, n, t, i, o), {
          ...config,
          ...context
        }, response);
        return {
          response,
          output: parsed
        };
      } catch (error2) {
        if (Object.defineProperty(error2, "$response", {
          value: response,
          enumerable: !1,
          writable: !1,
          configurable: !1
        }), !("$metadata" in error2)) {
          let hint = "Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.";
          try {
            error2.message += `
  ` + hint;
          } catch {
            !context.logger || context.logger?.constructor?.name === "NoOpLogger" ? console.warn(hint) : context.logger?.warn?.(hint);
          }
          typeof error2.$responseBodyText < "u" && error2.$response && (error2.$response.body = error2.$responseBodyText);
          try {
            if (HttpResponse.isInstance(response)) {
              let { headers = {}, statusCode } = response, headerEntries = Object.entries(headers);
              error2.$metadata = {
                httpStatusCode: statusCode,
                requestId: findHeader(/^x-[\w-]+-request-?id$/, headerEntries),
                extendedRequestId: findHeader(/^x-[\w-]+-id-2$/, headerEntries),
                cfId: findHeader(/^x-[\w-]+-cf-id$/, headerEntries)
              };
            }
          } catch {
          }
        }
        throw error2;
      }
    }, findHeader = (pattern, headers) => (headers.find(([k]) => k.match(pattern)) || [void 0, void 0])[1];
  }
});

// node_modules/@smithy/core/dist-es/submodules/schema/middleware/schemaSerializationMiddleware.js
var schemaSerializationMiddleware, init_schemaSerializationMiddleware = __esm({
  "node_modules/@smithy/core/dist-es/submodules/schema/middleware/schemaSerializationMiddleware.js"() {
    init_transport();
    init_operation();
    schemaSerializationMiddleware = (config) => (next, context) => async (args) => {
      let { operationSchema } = getSmithyContext(context), [, ns, n, t, i, o] = operationSchema ?? [], endpoint = context.endpointV2 ? async () => toEndpointV1(context.endpointV2) : config.endpoint, request = await config.protocol.serializeRequest(operation(ns, n, t, i, o), args.input, {
        ...config,
        ...context,
        endpoint
      });
      return next({
        ...args,
        request
      });
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/schema/middleware/getSchemaSerdePlugin.js
function getSchemaSerdePlugin(config) {
  return {
    applyToStack: (commandStack) => {
      commandStack.add(schemaSerializationMiddleware(config), serializerMiddlewareOption), commandStack.add(schemaDeserializationMiddleware(config), deserializerMiddlewareOption), config.protocol.setSerdeContext(config);
    }
  };
}
var deserializerMiddlewareOption, serializerMiddlewareOption, init_getSchemaSerdePlugin = __esm({
  "node_modules/@smithy/core/dist-es/submodules/schema/middleware/getSchemaSerdePlugin.js"() {
    init_schemaDeserializationMiddleware();
    init_schemaSerializationMiddleware();
    deserializerMiddlewareOption = {
      name: "deserializerMiddleware",
      step: "deserialize",
      tags: ["DESERIALIZER"],
      override: !0
    }, serializerMiddlewareOption = {
      name: "serializerMiddleware",
      step: "serialize",
      tags: ["SERIALIZER"],
      override: !0
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/schema/schemas/Schema.js
var Schema, init_Schema = __esm({
  "node_modules/@smithy/core/dist-es/submodules/schema/schemas/Schema.js"() {
    Schema = class {
      name;
      namespace;
      traits;
      static assign(instance, values) {
        return Object.assign(instance, values);
      }
      static [Symbol.hasInstance](lhs) {
        let isPrototype = this.prototype.isPrototypeOf(lhs);
        return !isPrototype && typeof lhs == "object" && lhs !== null ? lhs.symbol === this.symbol : isPrototype;
      }
      getName() {
        return this.namespace + "#" + this.name;
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/schema/schemas/ListSchema.js
var ListSchema, list, init_ListSchema = __esm({
  "node_modules/@smithy/core/dist-es/submodules/schema/schemas/ListSchema.js"() {
    init_Schema();
    ListSchema = class _ListSchema extends Schema {
      static symbol = /* @__PURE__ */ Symbol.for("@smithy/lis");
      valueSchema;
      symbol = _ListSchema.symbol;
    }, list = (namespace, name, traits, valueSchema) => Schema.assign(new ListSchema(), {
      name,
      namespace,
      traits,
      valueSchema
    });
  }
});

// node_modules/@smithy/core/dist-es/submodules/schema/schemas/MapSchema.js
var MapSchema, map, init_MapSchema = __esm({
  "node_modules/@smithy/core/dist-es/submodules/schema/schemas/MapSchema.js"() {
    init_Schema();
    MapSchema = class _MapSchema extends Schema {
      static symbol = /* @__PURE__ */ Symbol.for("@smithy/map");
      keySchema;
      valueSchema;
      symbol = _MapSchema.symbol;
    }, map = (namespace, name, traits, keySchema, valueSchema) => Schema.assign(new MapSchema(), {
      name,
      namespace,
      traits,
      keySchema,
      valueSchema
    });
  }
});

// node_modules/@smithy/core/dist-es/submodules/schema/schemas/OperationSchema.js
var OperationSchema, op, init_OperationSchema = __esm({
  "node_modules/@smithy/core/dist-es/submodules/schema/schemas/OperationSchema.js"() {
    init_Schema();
    OperationSchema = class _OperationSchema extends Schema {
      static symbol = /* @__PURE__ */ Symbol.for("@smithy/ope");
      input;
      output;
      symbol = _OperationSchema.symbol;
    }, op = (namespace, name, traits, input, output) => Schema.assign(new OperationSchema(), {
      name,
      namespace,
      traits,
      input,
      output
    });
  }
});

// node_modules/@smithy/core/dist-es/submodules/schema/schemas/StructureSchema.js
var StructureSchema, struct, init_StructureSchema = __esm({
  "node_modules/@smithy/core/dist-es/submodules/schema/schemas/StructureSchema.js"() {
    init_Schema();
    StructureSchema = class _StructureSchema extends Schema {
      static symbol = /* @__PURE__ */ Symbol.for("@smithy/str");
      memberNames;
      memberList;
      symbol = _StructureSchema.symbol;
    }, struct = (namespace, name, traits, memberNames, memberList) => Schema.assign(new StructureSchema(), {
      name,
      namespace,
      traits,
      memberNames,
      memberList
    });
  }
});

// node_modules/@smithy/core/dist-es/submodules/schema/schemas/ErrorSchema.js
var ErrorSchema, error, init_ErrorSchema = __esm({
  "node_modules/@smithy/core/dist-es/submodules/schema/schemas/ErrorSchema.js"() {
    init_Schema();
    init_StructureSchema();
    ErrorSchema = class _ErrorSchema extends StructureSchema {
      static symbol = /* @__PURE__ */ Symbol.for("@smithy/err");
      ctor;
      symbol = _ErrorSchema.symbol;
    }, error = (namespace, name, traits, memberNames, memberList, _ctor) => Schema.assign(new ErrorSchema(), {
      name,
      namespace,
      traits,
      memberNames,
      memberList,
      ctor: null
    });
  }
});

// node_modules/@smithy/core/dist-es/submodules/schema/schemas/translateTraits.js
function translateTraits(indicator) {
  if (typeof indicator == "object")
    return indicator;
  if (indicator = indicator | 0, traitsCache[indicator])
    return traitsCache[indicator];
  let traits = {}, i = 0;
  for (let trait of [
    "httpLabel",
    "idempotent",
    "idempotencyToken",
    "sensitive",
    "httpPayload",
    "httpResponseCode",
    "httpQueryParams"
  ])
    (indicator >> i++ & 1) === 1 && (traits[trait] = 1);
  return traitsCache[indicator] = traits;
}
var traitsCache, init_translateTraits = __esm({
  "node_modules/@smithy/core/dist-es/submodules/schema/schemas/translateTraits.js"() {
    traitsCache = [];
  }
});

// node_modules/@smithy/core/dist-es/submodules/schema/schemas/NormalizedSchema.js
function member(memberSchema, memberName) {
  if (memberSchema instanceof NormalizedSchema)
    return Object.assign(memberSchema, {
      memberName,
      _isMemberSchema: !0
    });
  let internalCtorAccess = NormalizedSchema;
  return new internalCtorAccess(memberSchema, memberName);
}
var anno, simpleSchemaCacheN, simpleSchemaCacheS, NormalizedSchema, isMemberSchema, isStaticSchema, init_NormalizedSchema = __esm({
  "node_modules/@smithy/core/dist-es/submodules/schema/schemas/NormalizedSchema.js"() {
    init_deref();
    init_translateTraits();
    anno = {
      it: /* @__PURE__ */ Symbol.for("@smithy/nor-struct-it"),
      ns: /* @__PURE__ */ Symbol.for("@smithy/ns")
    }, simpleSchemaCacheN = [], simpleSchemaCacheS = {}, NormalizedSchema = class _NormalizedSchema {
      ref;
      memberName;
      static symbol = /* @__PURE__ */ Symbol.for("@smithy/nor");
      symbol = _NormalizedSchema.symbol;
      name;
      schema;
      _isMemberSchema;
      traits;
      memberTraits;
      normalizedTraits;
      constructor(ref, memberName) {
        this.ref = ref, this.memberName = memberName;
        let traitStack = [], _ref = ref, schema = ref;
        for (this._isMemberSchema = !1; isMemberSchema(_ref); )
          traitStack.push(_ref[1]), _ref = _ref[0], schema = deref(_ref), this._isMemberSchema = !0;
        if (traitStack.length > 0) {
          this.memberTraits = {};
          for (let i = traitStack.length - 1; i >= 0; --i) {
            let traitSet = traitStack[i];
            Object.assign(this.memberTraits, translateTraits(traitSet));
          }
        } else
          this.memberTraits = 0;
        if (schema instanceof _NormalizedSchema) {
          let computedMemberTraits = this.memberTraits;
          Object.assign(this, schema), this.memberTraits = Object.assign({}, computedMemberTraits, schema.getMemberTraits(), this.getMemberTraits()), this.normalizedTraits = void 0, this.memberName = memberName ?? schema.memberName;
          return;
        }
        if (this.schema = deref(schema), isStaticSchema(this.schema) ? (this.name = `${this.schema[1]}#${this.schema[2]}`, this.traits = this.schema[3]) : (this.name = this.memberName ?? String(schema), this.traits = 0), this._isMemberSchema && !memberName)
          throw new Error(`@smithy/core/schema - NormalizedSchema member init ${this.getName(!0)} missing member name.`);
      }
      static [Symbol.hasInstance](lhs) {
        let isPrototype = this.prototype.isPrototypeOf(lhs);
        return !isPrototype && typeof lhs == "object" && lhs !== null ? lhs.symbol === this.symbol : isPrototype;
      }
      static of(ref) {
        let keyAble = typeof ref == "function" || typeof ref == "object" && ref !== null;
        if (typeof ref == "number") {
          if (simpleSchemaCacheN[ref])
            return simpleSchemaCacheN[ref];
        } else if (typeof ref == "string") {
          if (simpleSchemaCacheS[ref])
            return simpleSchemaCacheS[ref];
        } else if (keyAble && ref[anno.ns])
          return ref[anno.ns];
        let sc = deref(ref);
        if (sc instanceof _NormalizedSchema)
          return sc;
        if (isMemberSchema(sc)) {
          let [ns2, traits] = sc;
          if (ns2 instanceof _NormalizedSchema)
            return Object.assign(ns2.getMergedTraits(), translateTraits(traits)), ns2;
          throw new Error(`@smithy/core/schema - may not init unwrapped member schema=${JSON.stringify(ref, null, 2)}.`);
        }
        let ns = new _NormalizedSchema(sc);
        return keyAble ? ref[anno.ns] = ns : typeof sc == "string" ? simpleSchemaCacheS[sc] = ns : typeof sc == "number" ? simpleSchemaCacheN[sc] = ns : ns;
      }
      getSchema() {
        let sc = this.schema;
        return Array.isArray(sc) && sc[0] === 0 ? sc[4] : sc;
      }
      getName(withNamespace = !1) {
        let { name } = this;
        return !withNamespace && name && name.includes("#") ? name.split("#")[1] : name || void 0;
      }
      getMemberName() {
        return this.memberName;
      }
      isMemberSchema() {
        return this._isMemberSchema;
      }
      isListSchema() {
        let sc = this.getSchema();
        return typeof sc == "number" ? sc >= 64 && sc < 128 : sc[0] === 1;
      }
      isMapSchema() {
        let sc = this.getSchema();
        return typeof sc == "number" ? sc >= 128 && sc <= 255 : sc[0] === 2;
      }
      isStructSchema() {
        let sc = this.getSchema();
        if (typeof sc != "object")
          return !1;
        let id = sc[0];
        return id === 3 || id === -3 || id === 4;
      }
      isUnionSchema() {
        let sc = this.getSchema();
        return typeof sc != "object" ? !1 : sc[0] === 4;
      }
      isBlobSchema() {
        let sc = this.getSchema();
        return sc === 21 || sc === 42;
      }
      isTimestampSchema() {
        let sc = this.getSchema();
        return typeof sc == "number" && sc >= 4 && sc <= 7;
      }
      isUnitSchema() {
        return this.getSchema() === "unit";
      }
      isDocumentSchema() {
        return this.getSchema() === 15;
      }
      isStringSchema() {
        return this.getSchema() === 0;
      }
      isBooleanSchema() {
        return this.getSchema() === 2;
      }
      isNumericSchema() {
        return this.getSchema() === 1;
      }
      isBigIntegerSchema() {
        return this.getSchema() === 17;
      }
      isBigDecimalSchema() {
        return this.getSchema() === 19;
      }
      isStreaming() {
        let { streaming } = this.getMergedTraits();
        return !!streaming || this.getSchema() === 42;
      }
      isIdempotencyToken() {
        return !!this.getMergedTraits().idempotencyToken;
      }
      getMergedTraits() {
        return this.normalizedTraits ?? (this.normalizedTraits = {
          ...this.getOwnTraits(),
          ...this.getMemberTraits()
        });
      }
      getMemberTraits() {
        return translateTraits(this.memberTraits);
      }
      getOwnTraits() {
        return translateTraits(this.traits);
      }
      getKeySchema() {
        let [isDoc, isMap] = [this.isDocumentSchema(), this.isMapSchema()];
        if (!isDoc && !isMap)
          throw new Error(`@smithy/core/schema - cannot get key for non-map: ${this.getName(!0)}`);
        let schema = this.getSchema(), memberSchema = isDoc ? 15 : schema[4] ?? 0;
        return member([memberSchema, 0], "key");
      }
      getValueSchema() {
        let sc = this.getSchema(), [isDoc, isMap, isList] = [this.isDocumentSchema(), this.isMapSchema(), this.isListSchema()], memberSchema = typeof sc == "number" ? 63 & sc : sc && typeof sc == "object" && (isMap || isList) ? sc[3 + sc[0]] : isDoc ? 15 : void 0;
        if (memberSchema != null)
          return member([memberSchema, 0], isMap ? "value" : "member");
        throw new Error(`@smithy/core/schema - ${this.getName(!0)} has no value member.`);
      }
      getMemberSchema(memberName) {
        let struct2 = this.getSchema();
        if (this.isStructSchema() && struct2[4].includes(memberName)) {
          let i = struct2[4].indexOf(memberName), memberSchema = struct2[5][i];
          return member(isMemberSchema(memberSchema) ? memberSchema : [memberSchema, 0], memberName);
        }
        if (this.isDocumentSchema())
          return member([15, 0], memberName);
        throw new Error(`@smithy/core/schema - ${this.getName(!0)} has no member=${memberName}.`);
      }
      getMemberSchemas() {
        let buffer = {};
        try {
          for (let [k, v] of this.structIterator())
            buffer[k] = v;
        } catch {
        }
        return buffer;
      }
      getEventStreamMember() {
        if (this.isStructSchema()) {
          for (let [memberName, memberSchema] of this.structIterator())
            if (memberSchema.isStreaming() && memberSchema.isStructSchema())
              return memberName;
        }
        return "";
      }
      *structIterator() {
        if (this.isUnitSchema())
          return;
        if (!this.isStructSchema())
          throw new Error("@smithy/core/schema - cannot iterate non-struct schema.");
        let struct2 = this.getSchema(), z = struct2[4].length, it = struct2[anno.it];
        if (it && z === it.length) {
          yield* it;
          return;
        }
        it = Array(z);
        for (let i = 0; i < z; ++i) {
          let k = struct2[4][i], v = member([struct2[5][i], 0], k);
          yield it[i] = [k, v];
        }
        struct2[anno.it] = it;
      }
    };
    isMemberSchema = (sc) => Array.isArray(sc) && sc.length === 2, isStaticSchema = (sc) => Array.isArray(sc) && sc.length >= 5;
  }
});

// node_modules/@smithy/core/dist-es/submodules/schema/schemas/SimpleSchema.js
var SimpleSchema, sim, simAdapter, init_SimpleSchema = __esm({
  "node_modules/@smithy/core/dist-es/submodules/schema/schemas/SimpleSchema.js"() {
    init_Schema();
    SimpleSchema = class _SimpleSchema extends Schema {
      static symbol = /* @__PURE__ */ Symbol.for("@smithy/sim");
      schemaRef;
      symbol = _SimpleSchema.symbol;
    }, sim = (namespace, name, schemaRef, traits) => Schema.assign(new SimpleSchema(), {
      name,
      namespace,
      traits,
      schemaRef
    }), simAdapter = (namespace, name, traits, schemaRef) => Schema.assign(new SimpleSchema(), {
      name,
      namespace,
      traits,
      schemaRef
    });
  }
});

// node_modules/@smithy/core/dist-es/submodules/schema/schemas/sentinels.js
var SCHEMA, init_sentinels = __esm({
  "node_modules/@smithy/core/dist-es/submodules/schema/schemas/sentinels.js"() {
    SCHEMA = {
      BLOB: 21,
      STREAMING_BLOB: 42,
      BOOLEAN: 2,
      STRING: 0,
      NUMERIC: 1,
      BIG_INTEGER: 17,
      BIG_DECIMAL: 19,
      DOCUMENT: 15,
      TIMESTAMP_DEFAULT: 4,
      TIMESTAMP_DATE_TIME: 5,
      TIMESTAMP_HTTP_DATE: 6,
      TIMESTAMP_EPOCH_SECONDS: 7,
      LIST_MODIFIER: 64,
      MAP_MODIFIER: 128
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/schema/TypeRegistry.js
var TypeRegistry, init_TypeRegistry = __esm({
  "node_modules/@smithy/core/dist-es/submodules/schema/TypeRegistry.js"() {
    TypeRegistry = class _TypeRegistry {
      namespace;
      schemas;
      exceptions;
      static registries = /* @__PURE__ */ new Map();
      constructor(namespace, schemas = /* @__PURE__ */ new Map(), exceptions = /* @__PURE__ */ new Map()) {
        this.namespace = namespace, this.schemas = schemas, this.exceptions = exceptions, _TypeRegistry.registries.has(namespace) || _TypeRegistry.registries.set(namespace, this);
      }
      static for(namespace) {
        return _TypeRegistry.registries.get(namespace) ?? new _TypeRegistry(namespace);
      }
      copyFrom(other) {
        let { schemas, exceptions } = this;
        for (let [k, v] of other.schemas)
          schemas.has(k) || schemas.set(k, v);
        for (let [k, v] of other.exceptions)
          exceptions.has(k) || exceptions.set(k, v);
      }
      register(shapeId, schema) {
        let qualifiedName = this.normalizeShapeId(shapeId);
        for (let r of [this, _TypeRegistry.for(qualifiedName.split("#")[0])])
          r.schemas.has(qualifiedName) || r.schemas.set(qualifiedName, schema);
      }
      getSchema(shapeId) {
        let id = this.normalizeShapeId(shapeId);
        if (!this.schemas.has(id)) {
          if (!shapeId.includes("#")) {
            let suffix = "#" + shapeId, candidates = [];
            for (let [shapeId2, schema] of this.schemas.entries())
              shapeId2.endsWith(suffix) && candidates.push(schema);
            if (candidates.length === 1)
              return candidates[0];
          }
          throw new Error(`@smithy/core/schema - schema not found for ${id}`);
        }
        return this.schemas.get(id);
      }
      registerError(es, ctor) {
        let $error = es, ns = $error[1], qualifiedName = ns + "#" + $error[2];
        ctor.hasOwnProperty?.("shapeId") || (ctor.shapeId = qualifiedName);
        for (let r of [this, _TypeRegistry.for(ns)])
          !r.schemas.has(qualifiedName) && !r.exceptions.has($error) && (r.schemas.set(qualifiedName, $error), r.exceptions.set($error, ctor));
      }
      getErrorCtor(es) {
        let $error = es;
        return this.exceptions.has($error) ? this.exceptions.get($error) : _TypeRegistry.for($error[1]).exceptions.get($error);
      }
      getBaseException() {
        for (let exceptionKey of this.exceptions.keys())
          if (Array.isArray(exceptionKey)) {
            let [, ns, name] = exceptionKey, id = ns + "#" + name;
            if (id.startsWith("smithy.ts.sdk.synthetic.") && id.endsWith("ServiceException"))
              return exceptionKey;
          }
      }
      find(predicate) {
        for (let schema of this.schemas.values())
          if (predicate(schema))
            return schema;
      }
      clear() {
        this.schemas.clear(), this.exceptions.clear();
      }
      normalizeShapeId(shapeId) {
        return shapeId.includes("#") ? shapeId : this.namespace + "#" + shapeId;
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/schema/index.js
var schema_exports = {};
__export(schema_exports, {
  ErrorSchema: () => ErrorSchema,
  ListSchema: () => ListSchema,
  MapSchema: () => MapSchema,
  NormalizedSchema: () => NormalizedSchema,
  OperationSchema: () => OperationSchema,
  SCHEMA: () => SCHEMA,
  Schema: () => Schema,
  SimpleSchema: () => SimpleSchema,
  StructureSchema: () => StructureSchema,
  TypeRegistry: () => TypeRegistry,
  deref: () => deref,
  deserializerMiddlewareOption: () => deserializerMiddlewareOption,
  error: () => error,
  getSchemaSerdePlugin: () => getSchemaSerdePlugin,
  isStaticSchema: () => isStaticSchema,
  list: () => list,
  map: () => map,
  op: () => op,
  operation: () => operation,
  serializerMiddlewareOption: () => serializerMiddlewareOption,
  sim: () => sim,
  simAdapter: () => simAdapter,
  simpleSchemaCacheN: () => simpleSchemaCacheN,
  simpleSchemaCacheS: () => simpleSchemaCacheS,
  struct: () => struct,
  traitsCache: () => traitsCache,
  translateTraits: () => translateTraits
});
var init_schema = __esm({
  "node_modules/@smithy/core/dist-es/submodules/schema/index.js"() {
    init_deref();
    init_getSchemaSerdePlugin();
    init_ListSchema();
    init_MapSchema();
    init_OperationSchema();
    init_operation();
    init_ErrorSchema();
    init_NormalizedSchema();
    init_Schema();
    init_SimpleSchema();
    init_StructureSchema();
    init_sentinels();
    init_translateTraits();
    init_TypeRegistry();
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/middleware-stack/MiddlewareStack.js
var getAllAliases, getMiddlewareNameWithAliases, constructStack, stepWeights, priorityWeights, init_MiddlewareStack = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/middleware-stack/MiddlewareStack.js"() {
    getAllAliases = (name, aliases) => {
      let _aliases = [];
      if (name && _aliases.push(name), aliases)
        for (let alias of aliases)
          _aliases.push(alias);
      return _aliases;
    }, getMiddlewareNameWithAliases = (name, aliases) => `${name || "anonymous"}${aliases && aliases.length > 0 ? ` (a.k.a. ${aliases.join(",")})` : ""}`, constructStack = () => {
      let absoluteEntries = [], relativeEntries = [], identifyOnResolve = !1, entriesNameSet = /* @__PURE__ */ new Set(), sort = (entries) => entries.sort((a, b) => stepWeights[b.step] - stepWeights[a.step] || priorityWeights[b.priority || "normal"] - priorityWeights[a.priority || "normal"]), removeByName = (toRemove) => {
        let isRemoved = !1, filterCb = (entry) => {
          let aliases = getAllAliases(entry.name, entry.aliases);
          if (aliases.includes(toRemove)) {
            isRemoved = !0;
            for (let alias of aliases)
              entriesNameSet.delete(alias);
            return !1;
          }
          return !0;
        };
        return absoluteEntries = absoluteEntries.filter(filterCb), relativeEntries = relativeEntries.filter(filterCb), isRemoved;
      }, removeByReference = (toRemove) => {
        let isRemoved = !1, filterCb = (entry) => {
          if (entry.middleware === toRemove) {
            isRemoved = !0;
            for (let alias of getAllAliases(entry.name, entry.aliases))
              entriesNameSet.delete(alias);
            return !1;
          }
          return !0;
        };
        return absoluteEntries = absoluteEntries.filter(filterCb), relativeEntries = relativeEntries.filter(filterCb), isRemoved;
      }, cloneTo = (toStack) => (absoluteEntries.forEach((entry) => {
        toStack.add(entry.middleware, { ...entry });
      }), relativeEntries.forEach((entry) => {
        toStack.addRelativeTo(entry.middleware, { ...entry });
      }), toStack.identifyOnResolve?.(stack.identifyOnResolve()), toStack), expandRelativeMiddlewareList = (from) => {
        let expandedMiddlewareList = [];
        return from.before.forEach((entry) => {
          entry.before.length === 0 && entry.after.length === 0 ? expandedMiddlewareList.push(entry) : expandedMiddlewareList.push(...expandRelativeMiddlewareList(entry));
        }), expandedMiddlewareList.push(from), from.after.reverse().forEach((entry) => {
          entry.before.length === 0 && entry.after.length === 0 ? expandedMiddlewareList.push(entry) : expandedMiddlewareList.push(...expandRelativeMiddlewareList(entry));
        }), expandedMiddlewareList;
      }, getMiddlewareList = (debug = !1) => {
        let normalizedAbsoluteEntries = [], normalizedRelativeEntries = [], normalizedEntriesNameMap = {};
        return absoluteEntries.forEach((entry) => {
          let normalizedEntry = {
            ...entry,
            before: [],
            after: []
          };
          for (let alias of getAllAliases(normalizedEntry.name, normalizedEntry.aliases))
            normalizedEntriesNameMap[alias] = normalizedEntry;
          normalizedAbsoluteEntries.push(normalizedEntry);
        }), relativeEntries.forEach((entry) => {
          let normalizedEntry = {
            ...entry,
            before: [],
            after: []
          };
          for (let alias of getAllAliases(normalizedEntry.name, normalizedEntry.aliases))
            normalizedEntriesNameMap[alias] = normalizedEntry;
          normalizedRelativeEntries.push(normalizedEntry);
        }), normalizedRelativeEntries.forEach((entry) => {
          if (entry.toMiddleware) {
            let toMiddleware = normalizedEntriesNameMap[entry.toMiddleware];
            if (toMiddleware === void 0) {
              if (debug)
                return;
              throw new Error(`${entry.toMiddleware} is not found when adding ${getMiddlewareNameWithAliases(entry.name, entry.aliases)} middleware ${entry.relation} ${entry.toMiddleware}`);
            }
            entry.relation === "after" && toMiddleware.after.push(entry), entry.relation === "before" && toMiddleware.before.push(entry);
          }
        }), sort(normalizedAbsoluteEntries).map(expandRelativeMiddlewareList).reduce((wholeList, expandedMiddlewareList) => (wholeList.push(...expandedMiddlewareList), wholeList), []);
      }, stack = {
        add: (middleware, options = {}) => {
          let { name, override, aliases: _aliases } = options, entry = {
            step: "initialize",
            priority: "normal",
            middleware,
            ...options
          }, aliases = getAllAliases(name, _aliases);
          if (aliases.length > 0) {
            if (aliases.some((alias) => entriesNameSet.has(alias))) {
              if (!override)
                throw new Error(`Duplicate middleware name '${getMiddlewareNameWithAliases(name, _aliases)}'`);
              for (let alias of aliases) {
                let toOverrideIndex = absoluteEntries.findIndex((entry2) => entry2.name === alias || entry2.aliases?.some((a) => a === alias));
                if (toOverrideIndex === -1)
                  continue;
                let toOverride = absoluteEntries[toOverrideIndex];
                if (toOverride.step !== entry.step || entry.priority !== toOverride.priority)
                  throw new Error(`"${getMiddlewareNameWithAliases(toOverride.name, toOverride.aliases)}" middleware with ${toOverride.priority} priority in ${toOverride.step} step cannot be overridden by "${getMiddlewareNameWithAliases(name, _aliases)}" middleware with ${entry.priority} priority in ${entry.step} step.`);
                absoluteEntries.splice(toOverrideIndex, 1);
              }
            }
            for (let alias of aliases)
              entriesNameSet.add(alias);
          }
          absoluteEntries.push(entry);
        },
        addRelativeTo: (middleware, options) => {
          let { name, override, aliases: _aliases } = options, entry = {
            middleware,
            ...options
          }, aliases = getAllAliases(name, _aliases);
          if (aliases.length > 0) {
            if (aliases.some((alias) => entriesNameSet.has(alias))) {
              if (!override)
                throw new Error(`Duplicate middleware name '${getMiddlewareNameWithAliases(name, _aliases)}'`);
              for (let alias of aliases) {
                let toOverrideIndex = relativeEntries.findIndex((entry2) => entry2.name === alias || entry2.aliases?.some((a) => a === alias));
                if (toOverrideIndex === -1)
                  continue;
                let toOverride = relativeEntries[toOverrideIndex];
                if (toOverride.toMiddleware !== entry.toMiddleware || toOverride.relation !== entry.relation)
                  throw new Error(`"${getMiddlewareNameWithAliases(toOverride.name, toOverride.aliases)}" middleware ${toOverride.relation} "${toOverride.toMiddleware}" middleware cannot be overridden by "${getMiddlewareNameWithAliases(name, _aliases)}" middleware ${entry.relation} "${entry.toMiddleware}" middleware.`);
                relativeEntries.splice(toOverrideIndex, 1);
              }
            }
            for (let alias of aliases)
              entriesNameSet.add(alias);
          }
          relativeEntries.push(entry);
        },
        clone: () => cloneTo(constructStack()),
        use: (plugin) => {
          plugin.applyToStack(stack);
        },
        remove: (toRemove) => typeof toRemove == "string" ? removeByName(toRemove) : removeByReference(toRemove),
        removeByTag: (toRemove) => {
          let isRemoved = !1, filterCb = (entry) => {
            let { tags, name, aliases: _aliases } = entry;
            if (tags && tags.includes(toRemove)) {
              let aliases = getAllAliases(name, _aliases);
              for (let alias of aliases)
                entriesNameSet.delete(alias);
              return isRemoved = !0, !1;
            }
            return !0;
          };
          return absoluteEntries = absoluteEntries.filter(filterCb), relativeEntries = relativeEntries.filter(filterCb), isRemoved;
        },
        concat: (from) => {
          let cloned = cloneTo(constructStack());
          return cloned.use(from), cloned.identifyOnResolve(identifyOnResolve || cloned.identifyOnResolve() || (from.identifyOnResolve?.() ?? !1)), cloned;
        },
        applyToStack: cloneTo,
        identify: () => getMiddlewareList(!0).map((mw) => {
          let step = mw.step ?? mw.relation + " " + mw.toMiddleware;
          return getMiddlewareNameWithAliases(mw.name, mw.aliases) + " - " + step;
        }),
        identifyOnResolve(toggle) {
          return typeof toggle == "boolean" && (identifyOnResolve = toggle), identifyOnResolve;
        },
        resolve: (handler, context) => {
          for (let middleware of getMiddlewareList().map((entry) => entry.middleware).reverse())
            handler = middleware(handler, context);
          return identifyOnResolve && console.log(stack.identify()), handler;
        }
      };
      return stack;
    }, stepWeights = {
      initialize: 5,
      serialize: 4,
      build: 3,
      finalizeRequest: 2,
      deserialize: 1
    }, priorityWeights = {
      high: 3,
      normal: 2,
      low: 1
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/invalid-dependency/invalidFunction.js
var invalidFunction, init_invalidFunction = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/invalid-dependency/invalidFunction.js"() {
    invalidFunction = (message) => () => {
      throw new Error(message);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/invalid-dependency/invalidProvider.js
var invalidProvider, init_invalidProvider = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/invalid-dependency/invalidProvider.js"() {
    invalidProvider = (message) => () => Promise.reject(message);
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/util-waiter/circularReplacer.js
var getCircularReplacer, init_circularReplacer = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/util-waiter/circularReplacer.js"() {
    getCircularReplacer = () => {
      let seen = /* @__PURE__ */ new WeakSet();
      return (key, value) => {
        if (typeof value == "object" && value !== null) {
          if (seen.has(value))
            return "[Circular]";
          seen.add(value);
        }
        return value;
      };
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/util-waiter/utils/sleep.js
var sleep, init_sleep = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/util-waiter/utils/sleep.js"() {
    sleep = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1e3));
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/util-waiter/waiter.js
var waiterServiceDefaults, WaiterState, checkExceptions, init_waiter = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/util-waiter/waiter.js"() {
    init_circularReplacer();
    waiterServiceDefaults = {
      minDelay: 2,
      maxDelay: 120
    };
    (function(WaiterState2) {
      WaiterState2.ABORTED = "ABORTED", WaiterState2.FAILURE = "FAILURE", WaiterState2.SUCCESS = "SUCCESS", WaiterState2.RETRY = "RETRY", WaiterState2.TIMEOUT = "TIMEOUT";
    })(WaiterState || (WaiterState = {}));
    checkExceptions = (result) => {
      if (result.state === WaiterState.ABORTED) {
        let abortError = new Error(`${JSON.stringify({
          ...result,
          reason: "Request was aborted"
        }, getCircularReplacer())}`);
        throw abortError.name = "AbortError", abortError;
      } else if (result.state === WaiterState.TIMEOUT) {
        let timeoutError = new Error(`${JSON.stringify({
          ...result,
          reason: "Waiter has timed out"
        }, getCircularReplacer())}`);
        throw timeoutError.name = "TimeoutError", timeoutError;
      } else if (result.state !== WaiterState.SUCCESS)
        throw new Error(`${JSON.stringify(result, getCircularReplacer())}`);
      return result;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/util-waiter/poller.js
var runPolling, checkWarn403, createMessageFromResponse, exponentialBackoffWithJitter, randomInRange, init_poller = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/util-waiter/poller.js"() {
    init_circularReplacer();
    init_sleep();
    init_waiter();
    runPolling = async ({ minDelay, maxDelay, maxWaitTime, abortController, client, abortSignal }, input, acceptorChecks) => {
      let observedResponses = {}, [minDelayMs, maxDelayMs] = [minDelay * 1e3, maxDelay * 1e3], currentAttempt = 0, waitUntil = Date.now() + maxWaitTime * 1e3, warn403Time = Date.now() + 6e4, didWarn403 = !1;
      for (; ; ) {
        if (currentAttempt > 0) {
          let delayMs = exponentialBackoffWithJitter(minDelayMs, maxDelayMs, currentAttempt, waitUntil);
          if (abortController?.signal?.aborted || abortSignal?.aborted) {
            let message = "AbortController signal aborted.";
            return observedResponses[message] |= 0, observedResponses[message] += 1, { state: WaiterState.ABORTED, observedResponses };
          }
          if (Date.now() + delayMs > waitUntil)
            return { state: WaiterState.TIMEOUT, observedResponses };
          await sleep(delayMs / 1e3);
        }
        let { state, reason } = await acceptorChecks(client, input);
        if (reason) {
          let message = createMessageFromResponse(reason);
          observedResponses[message] |= 0, observedResponses[message] += 1;
        }
        if (state !== WaiterState.RETRY)
          return { state, reason, final: reason, observedResponses };
        currentAttempt += 1, !didWarn403 && Date.now() >= warn403Time && (checkWarn403(observedResponses, client), didWarn403 = !0);
      }
    }, checkWarn403 = (observedResponses = {}, client) => {
      let orderedErrors = Object.keys(observedResponses), maxCount = 0, count403 = 0;
      for (let response of orderedErrors) {
        let n = observedResponses[response] | 0;
        maxCount = Math.max(n, maxCount), response.startsWith("403:") && (count403 += n);
      }
      let clientLogger = client?.config?.logger, warningLogger = typeof clientLogger?.warn == "function" && !clientLogger.constructor?.name?.includes?.("NoOpLogger") ? clientLogger : console;
      (count403 >= 3 || orderedErrors[orderedErrors.length - 1]?.startsWith("403:")) && warningLogger.warn("@smithy/util-waiter WARN - 403 status code encountered during waiter polling.");
    }, createMessageFromResponse = (reason) => {
      let status = reason?.$response?.statusCode ?? reason?.$metadata?.httpStatusCode;
      return reason?.$responseBodyText ? `${status ? status + ": " : ""}Deserialization error for body: ${reason.$responseBodyText}` : status ? reason?.$response || reason?.message ? `${status ?? "Unknown"}: ${reason?.message}` : `${status}: OK` : String(reason?.message ?? JSON.stringify(reason, getCircularReplacer()) ?? "Unknown");
    }, exponentialBackoffWithJitter = (minDelayMs, maxDelayMs, attempt, waitUntil) => {
      let attemptCountCeiling = Math.log(maxDelayMs / minDelayMs) / Math.log(2) + 1;
      if (attempt > attemptCountCeiling)
        return maxDelayMs;
      let delay = minDelayMs * 2 ** (attempt - 1), capped = Math.min(delay, maxDelayMs), waitFor = randomInRange(minDelayMs, capped);
      if (Date.now() + waitFor > waitUntil) {
        let timeRemaining = waitUntil - Date.now();
        return Math.max(0, timeRemaining - 500);
      }
      return waitFor;
    }, randomInRange = (min, max) => min + Math.random() * (max - min);
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/util-waiter/utils/validate.js
var validateWaiterOptions, init_validate = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/util-waiter/utils/validate.js"() {
    validateWaiterOptions = (options) => {
      if (options.maxWaitTime <= 0)
        throw new Error("WaiterConfiguration.maxWaitTime must be greater than 0");
      if (options.minDelay <= 0)
        throw new Error("WaiterConfiguration.minDelay must be greater than 0");
      if (options.maxDelay <= 0)
        throw new Error("WaiterConfiguration.maxDelay must be greater than 0");
      if (options.maxWaitTime <= options.minDelay)
        throw new Error(`WaiterConfiguration.maxWaitTime [${options.maxWaitTime}] must be greater than WaiterConfiguration.minDelay [${options.minDelay}] for this waiter`);
      if (options.maxDelay < options.minDelay)
        throw new Error(`WaiterConfiguration.maxDelay [${options.maxDelay}] must be greater than WaiterConfiguration.minDelay [${options.minDelay}] for this waiter`);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/util-waiter/createWaiter.js
var abortTimeout, createWaiter, init_createWaiter = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/util-waiter/createWaiter.js"() {
    init_poller();
    init_validate();
    init_waiter();
    abortTimeout = (abortSignal) => {
      let onAbort, promise = new Promise((resolve) => {
        onAbort = () => resolve({ state: WaiterState.ABORTED }), typeof abortSignal.addEventListener == "function" ? abortSignal.addEventListener("abort", onAbort) : abortSignal.onabort = onAbort;
      });
      return {
        clearListener() {
          typeof abortSignal.removeEventListener == "function" && abortSignal.removeEventListener("abort", onAbort);
        },
        aborted: promise
      };
    }, createWaiter = async (options, input, acceptorChecks) => {
      let params = {
        ...waiterServiceDefaults,
        ...options
      };
      validateWaiterOptions(params);
      let exitConditions = [runPolling(params, input, acceptorChecks)], finalize = [];
      if (options.abortSignal) {
        let { aborted, clearListener } = abortTimeout(options.abortSignal);
        finalize.push(clearListener), exitConditions.push(aborted);
      }
      if (options.abortController?.signal) {
        let { aborted, clearListener } = abortTimeout(options.abortController.signal);
        finalize.push(clearListener), exitConditions.push(aborted);
      }
      return Promise.race(exitConditions).then((result) => {
        for (let fn of finalize)
          fn();
        return result;
      });
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/client.js
var Client, init_client = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/client.js"() {
    init_MiddlewareStack();
    Client = class {
      config;
      middlewareStack = constructStack();
      initConfig;
      handlers;
      constructor(config) {
        this.config = config;
        let { protocol, protocolSettings } = config;
        protocolSettings && typeof protocol == "function" && (config.protocol = new protocol(protocolSettings));
      }
      send(command, optionsOrCb, cb) {
        let options = typeof optionsOrCb != "function" ? optionsOrCb : void 0, callback = typeof optionsOrCb == "function" ? optionsOrCb : cb, useHandlerCache = options === void 0 && this.config.cacheMiddleware === !0, handler;
        if (useHandlerCache) {
          this.handlers || (this.handlers = /* @__PURE__ */ new WeakMap());
          let handlers = this.handlers;
          handlers.has(command.constructor) ? handler = handlers.get(command.constructor) : (handler = command.resolveMiddleware(this.middlewareStack, this.config, options), handlers.set(command.constructor, handler));
        } else
          delete this.handlers, handler = command.resolveMiddleware(this.middlewareStack, this.config, options);
        if (callback)
          handler(command).then((result) => callback(null, result.output), (err) => callback(err)).catch(() => {
          });
        else
          return handler(command).then((result) => result.output);
      }
      destroy() {
        this.config?.requestHandler?.destroy?.(), delete this.handlers;
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/schemaLogFilter.js
function schemaLogFilter(schema, data) {
  if (data == null)
    return data;
  let ns = NormalizedSchema.of(schema);
  if (ns.getMergedTraits().sensitive)
    return SENSITIVE_STRING;
  if (ns.isListSchema()) {
    let valueSchema = ns.getValueSchema();
    if (valueSchema.getMergedTraits().sensitive)
      return SENSITIVE_STRING;
    if (Array.isArray(data))
      return data.map((value) => schemaLogFilter(valueSchema, value));
  } else if (ns.isMapSchema()) {
    let valueSchema = ns.getValueSchema();
    if (ns.getKeySchema().getMergedTraits().sensitive || valueSchema.getMergedTraits().sensitive)
      return SENSITIVE_STRING;
    if (typeof data == "object")
      return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, schemaLogFilter(valueSchema, value)]));
  } else if (ns.isStructSchema() && typeof data == "object") {
    let object = data, newObject = {};
    for (let [member2, memberNs] of ns.structIterator())
      object[member2] != null && (newObject[member2] = schemaLogFilter(memberNs, object[member2]));
    return newObject;
  }
  return data;
}
var SENSITIVE_STRING, init_schemaLogFilter = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/schemaLogFilter.js"() {
    init_schema();
    SENSITIVE_STRING = "***SensitiveInformation***";
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/command.js
var import_types2, operationEventStreamMarker, Command, ClassBuilder, init_command = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/command.js"() {
    import_types2 = __toESM(require_dist_cjs());
    init_MiddlewareStack();
    init_schemaLogFilter();
    init_schema();
    operationEventStreamMarker = /* @__PURE__ */ Symbol.for("@smithy/op-event-stream"), Command = class {
      middlewareStack = constructStack();
      schema;
      static classBuilder() {
        return new ClassBuilder();
      }
      resolveMiddlewareWithContext(clientStack, configuration, options, { middlewareFn, clientName, commandName, inputFilterSensitiveLog, outputFilterSensitiveLog, smithyContext, additionalContext, CommandCtor }) {
        for (let mw of middlewareFn.bind(this)(CommandCtor, clientStack, configuration, options))
          this.middlewareStack.use(mw);
        let stack = clientStack.concat(this.middlewareStack), { logger: logger2 } = configuration, additionalSmithyContext = additionalContext[import_types2.SMITHY_CONTEXT_KEY], handlerExecutionContext = {
          logger: logger2,
          clientName,
          commandName,
          inputFilterSensitiveLog,
          outputFilterSensitiveLog,
          ...additionalContext,
          [import_types2.SMITHY_CONTEXT_KEY]: {
            ...additionalSmithyContext,
            commandInstance: this,
            ...smithyContext,
            ...options?.metricsRecorder === void 0 ? {} : { metricsRecorder: options.metricsRecorder },
            ...options?.abortSignal === void 0 ? {} : { abortSignal: options.abortSignal }
          }
        }, { requestHandler } = configuration, requestOptions = options ?? {};
        requestOptions.metricsRecorder && (requestOptions = { ...requestOptions }, delete requestOptions.metricsRecorder);
        let isEventStream, schema = this.schema, marker = schema?.[operationEventStreamMarker];
        if (marker !== void 0)
          isEventStream = marker;
        else if (schema && Array.isArray(schema) && schema[0] === 9) {
          let [, , , , input$, output$] = schema;
          isEventStream = schema[operationEventStreamMarker] = !!(NormalizedSchema.of(input$).getEventStreamMember() || NormalizedSchema.of(output$).getEventStreamMember());
        }
        return isEventStream && (requestOptions = {
          isEventStream,
          ...requestOptions
        }), stack.resolve((request) => requestHandler.handle(request.request, requestOptions), handlerExecutionContext);
      }
    }, ClassBuilder = class {
      _init = () => {
      };
      _ep = {};
      _middlewareFn = () => [];
      _commandName = "";
      _clientName = "";
      _additionalContext = {};
      _smithyContext = {};
      _inputFilterSensitiveLog = void 0;
      _outputFilterSensitiveLog = void 0;
      _serializer = null;
      _deserializer = null;
      _operationSchema;
      init(cb) {
        this._init = cb;
      }
      ep(endpointParameterInstructions) {
        return this._ep = endpointParameterInstructions, this;
      }
      m(middlewareSupplier) {
        return this._middlewareFn = middlewareSupplier, this;
      }
      s(service, operation2, smithyContext = {}) {
        return this._smithyContext = {
          service,
          operation: operation2,
          ...smithyContext
        }, this;
      }
      c(additionalContext = {}) {
        return this._additionalContext = additionalContext, this;
      }
      n(clientName, commandName) {
        return this._clientName = clientName, this._commandName = commandName, this;
      }
      f(inputFilter = (_) => _, outputFilter = (_) => _) {
        return this._inputFilterSensitiveLog = inputFilter, this._outputFilterSensitiveLog = outputFilter, this;
      }
      ser(serializer) {
        return this._serializer = serializer, this;
      }
      de(deserializer) {
        return this._deserializer = deserializer, this;
      }
      sc(operation2) {
        return this._operationSchema = operation2, this._smithyContext.operationSchema = operation2, this;
      }
      build() {
        let closure = this, CommandRef;
        return CommandRef = class extends Command {
          input;
          static getEndpointParameterInstructions() {
            return closure._ep;
          }
          constructor(...[input]) {
            super(), this.input = input ?? {}, closure._init(this), this.schema = closure._operationSchema;
          }
          resolveMiddleware(stack, configuration, options) {
            let op2 = closure._operationSchema, input = op2?.[4] ?? op2?.input, output = op2?.[5] ?? op2?.output;
            return this.resolveMiddlewareWithContext(stack, configuration, options, {
              CommandCtor: CommandRef,
              middlewareFn: closure._middlewareFn,
              clientName: closure._clientName,
              commandName: closure._commandName,
              inputFilterSensitiveLog: closure._inputFilterSensitiveLog ?? (op2 ? schemaLogFilter.bind(null, input) : (_) => _),
              outputFilterSensitiveLog: closure._outputFilterSensitiveLog ?? (op2 ? schemaLogFilter.bind(null, output) : (_) => _),
              smithyContext: closure._smithyContext,
              additionalContext: closure._additionalContext
            });
          }
          serialize = closure._serializer;
          deserialize = closure._deserializer;
        };
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/constants.js
var SENSITIVE_STRING2, init_constants = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/constants.js"() {
    SENSITIVE_STRING2 = "***SensitiveInformation***";
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/create-aggregated-client.js
var createAggregatedClient, init_create_aggregated_client = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/create-aggregated-client.js"() {
    createAggregatedClient = (commands, Client2, options) => {
      for (let [command, CommandCtor] of Object.entries(commands)) {
        let methodImpl = async function(args, optionsOrCb, cb) {
          let command2 = new CommandCtor(args);
          if (typeof optionsOrCb == "function")
            this.send(command2, optionsOrCb);
          else if (typeof cb == "function") {
            if (typeof optionsOrCb != "object")
              throw new Error(`Expected http options but got ${typeof optionsOrCb}`);
            this.send(command2, optionsOrCb || {}, cb);
          } else
            return this.send(command2, optionsOrCb);
        }, methodName = (command[0].toLowerCase() + command.slice(1)).replace(/Command$/, "");
        Client2.prototype[methodName] = methodImpl;
      }
      let { paginators = {}, waiters = {} } = options ?? {};
      for (let [paginatorName, paginatorFn] of Object.entries(paginators))
        Client2.prototype[paginatorName] === void 0 && (Client2.prototype[paginatorName] = function(commandInput = {}, paginationConfiguration, ...rest) {
          return paginatorFn({
            ...paginationConfiguration,
            client: this
          }, commandInput, ...rest);
        });
      for (let [waiterName, waiterFn] of Object.entries(waiters))
        Client2.prototype[waiterName] === void 0 && (Client2.prototype[waiterName] = async function(commandInput = {}, waiterConfiguration, ...rest) {
          let config = waiterConfiguration;
          return typeof waiterConfiguration == "number" && (config = {
            maxWaitTime: waiterConfiguration
          }), waiterFn({
            ...config,
            client: this
          }, commandInput, ...rest);
        });
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/exceptions.js
var ServiceException, decorateServiceException, init_exceptions = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/exceptions.js"() {
    ServiceException = class _ServiceException extends Error {
      static shapeId = "smithy.ts.sdk.synthetic.nonamespace.client#ServiceException";
      $fault;
      $response;
      $retryable;
      $metadata;
      constructor(options) {
        super(options.message), Object.setPrototypeOf(this, Object.getPrototypeOf(this).constructor.prototype), this.name = options.name, this.$fault = options.$fault, this.$metadata = options.$metadata;
      }
      static isInstance(value) {
        if (!value)
          return !1;
        let candidate = value;
        return _ServiceException.prototype.isPrototypeOf(candidate) || !!candidate.$fault && !!candidate.$metadata && (candidate.$fault === "client" || candidate.$fault === "server");
      }
      static [Symbol.hasInstance](instance) {
        if (!instance)
          return !1;
        let candidate = instance;
        if (this === _ServiceException)
          return _ServiceException.isInstance(instance);
        if (_ServiceException.isInstance(instance)) {
          if (this.prototype.isPrototypeOf(instance))
            return !0;
          let targetId = Object.prototype.hasOwnProperty.call(this, "shapeId") ? this.shapeId : void 0, candidateHasShapeId = !1;
          if (targetId) {
            let proto = Object.getPrototypeOf(candidate);
            for (; proto && proto !== Object.prototype; ) {
              let ctor = proto.constructor, candidateId = ctor !== _ServiceException && Object.prototype.hasOwnProperty.call(ctor, "shapeId") ? ctor?.shapeId : void 0;
              if (candidateId && (candidateHasShapeId = !0, candidateId === targetId))
                return !0;
              proto = Object.getPrototypeOf(proto);
            }
          }
          if (targetId && candidateHasShapeId)
            return !1;
          let targetName = this.name;
          if (targetName && targetName.length >= 6) {
            if (candidate.name === targetName)
              return !0;
            let proto = Object.getPrototypeOf(candidate);
            for (; proto && proto !== Object.prototype; ) {
              let ctorName = proto.constructor?.name;
              if (ctorName && ctorName !== "Error" && ctorName === targetName)
                return !0;
              proto = Object.getPrototypeOf(proto);
            }
          }
        }
        return !1;
      }
    }, decorateServiceException = (exception, additions = {}) => {
      Object.entries(additions).filter(([, v]) => v !== void 0).forEach(([k, v]) => {
        (exception[k] == null || exception[k] === "") && (exception[k] = v);
      });
      let message = exception.message || exception.Message || "UnknownError";
      return exception.message = message, delete exception.Message, exception;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/default-error-handler.js
var throwDefaultError, withBaseException, deserializeMetadata, init_default_error_handler = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/default-error-handler.js"() {
    init_exceptions();
    throwDefaultError = ({ output, parsedBody, exceptionCtor, errorCode }) => {
      let $metadata = deserializeMetadata(output), statusCode = $metadata.httpStatusCode ? $metadata.httpStatusCode + "" : void 0, response = new exceptionCtor({
        name: parsedBody?.code || parsedBody?.Code || errorCode || statusCode || "UnknownError",
        $fault: "client",
        $metadata
      });
      throw decorateServiceException(response, parsedBody);
    }, withBaseException = (ExceptionCtor) => ({ output, parsedBody, errorCode }) => {
      throwDefaultError({ output, parsedBody, exceptionCtor: ExceptionCtor, errorCode });
    }, deserializeMetadata = (output) => ({
      httpStatusCode: output.statusCode,
      requestId: output.headers["x-amzn-requestid"] ?? output.headers["x-amzn-request-id"] ?? output.headers["x-amz-request-id"],
      extendedRequestId: output.headers["x-amz-id-2"],
      cfId: output.headers["x-amz-cf-id"]
    });
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/defaults-mode.js
var loadConfigsForDefaultMode, init_defaults_mode = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/defaults-mode.js"() {
    loadConfigsForDefaultMode = (mode) => {
      switch (mode) {
        case "standard":
          return {
            retryMode: "standard",
            connectionTimeout: 3100
          };
        case "in-region":
          return {
            retryMode: "standard",
            connectionTimeout: 1100
          };
        case "cross-region":
          return {
            retryMode: "standard",
            connectionTimeout: 3100
          };
        case "mobile":
          return {
            retryMode: "standard",
            connectionTimeout: 3e4
          };
        default:
          return {};
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/emitWarningIfUnsupportedVersion.js
var warningEmitted, emitWarningIfUnsupportedVersion, init_emitWarningIfUnsupportedVersion = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/emitWarningIfUnsupportedVersion.js"() {
    warningEmitted = !1, emitWarningIfUnsupportedVersion = (version) => {
      version && !warningEmitted && parseInt(version.substring(1, version.indexOf("."))) < 16 && (warningEmitted = !0);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/extensions/checksum.js
var import_types3, knownAlgorithms, getChecksumConfiguration, resolveChecksumRuntimeConfig, init_checksum = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/extensions/checksum.js"() {
    init_transport();
    import_types3 = __toESM(require_dist_cjs()), knownAlgorithms = Object.values(import_types3.AlgorithmId), getChecksumConfiguration = (runtimeConfig) => {
      let checksumAlgorithms = [];
      for (let id in import_types3.AlgorithmId) {
        if (!hasOwn(import_types3.AlgorithmId, id))
          continue;
        let algorithmId = import_types3.AlgorithmId[id];
        runtimeConfig[algorithmId] !== void 0 && checksumAlgorithms.push({
          algorithmId: () => algorithmId,
          checksumConstructor: () => runtimeConfig[algorithmId]
        });
      }
      for (let [id, ChecksumCtor] of Object.entries(runtimeConfig.checksumAlgorithms ?? {}))
        checksumAlgorithms.push({
          algorithmId: () => id,
          checksumConstructor: () => ChecksumCtor
        });
      return {
        addChecksumAlgorithm(algo) {
          runtimeConfig.checksumAlgorithms = runtimeConfig.checksumAlgorithms ?? {};
          let id = algo.algorithmId(), ctor = algo.checksumConstructor();
          knownAlgorithms.includes(id) ? runtimeConfig.checksumAlgorithms[id.toUpperCase()] = ctor : runtimeConfig.checksumAlgorithms[id] = ctor, checksumAlgorithms.push(algo);
        },
        checksumAlgorithms() {
          return checksumAlgorithms;
        }
      };
    }, resolveChecksumRuntimeConfig = (clientConfig) => {
      let runtimeConfig = {};
      return clientConfig.checksumAlgorithms().forEach((checksumAlgorithm) => {
        let id = checksumAlgorithm.algorithmId();
        knownAlgorithms.includes(id) && (runtimeConfig[id] = checksumAlgorithm.checksumConstructor());
      }), runtimeConfig;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/extensions/retry.js
var getRetryConfiguration, resolveRetryRuntimeConfig, init_retry = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/extensions/retry.js"() {
    getRetryConfiguration = (runtimeConfig) => ({
      setRetryStrategy(retryStrategy) {
        runtimeConfig.retryStrategy = retryStrategy;
      },
      retryStrategy() {
        return runtimeConfig.retryStrategy;
      }
    }), resolveRetryRuntimeConfig = (retryStrategyConfiguration) => {
      let runtimeConfig = {};
      return runtimeConfig.retryStrategy = retryStrategyConfiguration.retryStrategy(), runtimeConfig;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/extensions/defaultExtensionConfiguration.js
var getDefaultExtensionConfiguration, getDefaultClientConfiguration, resolveDefaultRuntimeConfig, init_defaultExtensionConfiguration = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/extensions/defaultExtensionConfiguration.js"() {
    init_checksum();
    init_retry();
    getDefaultExtensionConfiguration = (runtimeConfig) => Object.assign(getChecksumConfiguration(runtimeConfig), getRetryConfiguration(runtimeConfig)), getDefaultClientConfiguration = getDefaultExtensionConfiguration, resolveDefaultRuntimeConfig = (config) => Object.assign(resolveChecksumRuntimeConfig(config), resolveRetryRuntimeConfig(config));
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/get-array-if-single-item.js
var getArrayIfSingleItem, init_get_array_if_single_item = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/get-array-if-single-item.js"() {
    getArrayIfSingleItem = (mayBeArray) => Array.isArray(mayBeArray) ? mayBeArray : [mayBeArray];
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/get-value-from-text-node.js
var getValueFromTextNode, init_get_value_from_text_node = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/get-value-from-text-node.js"() {
    init_transport();
    getValueFromTextNode = (obj) => {
      let textNodeName = "#text";
      for (let key in obj)
        hasOwn(obj, key) && (obj[key][textNodeName] !== void 0 ? obj[key] = obj[key][textNodeName] : typeof obj[key] == "object" && obj[key] !== null && (obj[key] = getValueFromTextNode(obj[key])));
      return obj;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/is-serializable-header-value.js
var isSerializableHeaderValue, init_is_serializable_header_value = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/is-serializable-header-value.js"() {
    isSerializableHeaderValue = (value) => value != null;
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/NoOpLogger.js
var NoOpLogger, init_NoOpLogger = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/NoOpLogger.js"() {
    NoOpLogger = class {
      trace() {
      }
      debug() {
      }
      info() {
      }
      warn() {
      }
      error() {
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/object-mapping.js
function map2(arg0, arg1, arg2) {
  let target, filter, instructions;
  if (typeof arg1 > "u" && typeof arg2 > "u")
    target = {}, instructions = arg0;
  else {
    if (target = arg0, typeof arg1 == "function")
      return filter = arg1, instructions = arg2, mapWithFilter(target, filter, instructions);
    instructions = arg1;
  }
  for (let key in instructions)
    if (hasOwn(instructions, key)) {
      if (!Array.isArray(instructions[key])) {
        target[key] = instructions[key];
        continue;
      }
      applyInstruction(target, null, instructions, key);
    }
  return target;
}
var convertMap, take, mapWithFilter, applyInstruction, nonNullish, pass, init_object_mapping = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/object-mapping.js"() {
    init_transport();
    convertMap = (target) => {
      let output = {};
      for (let [k, v] of Object.entries(target || {}))
        output[k] = [, v];
      return output;
    }, take = (source, instructions) => {
      let out = {};
      for (let key in instructions)
        hasOwn(instructions, key) && applyInstruction(out, source, instructions, key);
      return out;
    }, mapWithFilter = (target, filter, instructions) => map2(target, Object.entries(instructions).reduce((_instructions, [key, value]) => (Array.isArray(value) ? _instructions[key] = value : typeof value == "function" ? _instructions[key] = [filter, value()] : _instructions[key] = [filter, value], _instructions), {})), applyInstruction = (target, source, instructions, targetKey) => {
      if (source !== null) {
        let instruction = instructions[targetKey];
        typeof instruction == "function" && (instruction = [, instruction]);
        let [filter2 = nonNullish, valueFn = pass, sourceKey = targetKey] = instruction;
        (typeof filter2 == "function" && filter2(source[sourceKey]) || typeof filter2 != "function" && filter2) && (target[targetKey] = valueFn(source[sourceKey]));
        return;
      }
      let [filter, value] = instructions[targetKey];
      if (typeof value == "function") {
        let _value, defaultFilterPassed = filter === void 0 && (_value = value()) != null, customFilterPassed = typeof filter == "function" && !!filter(void 0) || typeof filter != "function" && !!filter;
        defaultFilterPassed ? target[targetKey] = _value : customFilterPassed && (target[targetKey] = value());
      } else {
        let defaultFilterPassed = filter === void 0 && value != null, customFilterPassed = typeof filter == "function" && !!filter(value) || typeof filter != "function" && !!filter;
        (defaultFilterPassed || customFilterPassed) && (target[targetKey] = value);
      }
    }, nonNullish = (_) => _ != null, pass = (_) => _;
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/ser-utils.js
var serializeFloat, serializeDateTime, init_ser_utils = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/ser-utils.js"() {
    serializeFloat = (value) => {
      if (value !== value)
        return "NaN";
      switch (value) {
        case 1 / 0:
          return "Infinity";
        case -1 / 0:
          return "-Infinity";
        default:
          return value;
      }
    }, serializeDateTime = (date2) => date2.toISOString().replace(".000Z", "Z");
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/serde-json.js
var _json, init_serde_json = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/serde-json.js"() {
    init_transport();
    _json = (obj) => {
      if (obj == null)
        return {};
      if (Array.isArray(obj))
        return obj.filter((_) => _ != null).map(_json);
      if (typeof obj == "object") {
        let target = {};
        for (let key in obj)
          hasOwn(obj, key) && obj[key] != null && (target[key] = _json(obj[key]));
        return target;
      }
      return obj;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/client-command-builder.js
function makeBuilder(common, service, name, ep) {
  return function(added, plugins, op2, $, smithyContext = {}) {
    let epMerged = Object.assign({}, common, added);
    return Command.classBuilder().ep(epMerged).m(function(CommandCtor, clientStack, config, options) {
      let list2 = plugins.call(this, CommandCtor, clientStack, config, options);
      return list2.unshift(ep(config, CommandCtor.getEndpointParameterInstructions())), list2;
    }).s(service, op2, smithyContext).n(name, op2.charAt(0).toUpperCase() + op2.slice(1) + "Command").sc($).build();
  };
}
var init_client_command_builder = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/client-command-builder.js"() {
    init_command();
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/index.js
var client_exports = {};
__export(client_exports, {
  AlgorithmId: () => import_types3.AlgorithmId,
  Client: () => Client,
  Command: () => Command,
  NoOpLogger: () => NoOpLogger,
  SENSITIVE_STRING: () => SENSITIVE_STRING2,
  ServiceException: () => ServiceException,
  WaiterState: () => WaiterState,
  _json: () => _json,
  checkExceptions: () => checkExceptions,
  constructStack: () => constructStack,
  convertMap: () => convertMap,
  createAggregatedClient: () => createAggregatedClient,
  createWaiter: () => createWaiter,
  decorateServiceException: () => decorateServiceException,
  emitWarningIfUnsupportedVersion: () => emitWarningIfUnsupportedVersion,
  getArrayIfSingleItem: () => getArrayIfSingleItem,
  getChecksumConfiguration: () => getChecksumConfiguration,
  getDefaultClientConfiguration: () => getDefaultClientConfiguration,
  getDefaultExtensionConfiguration: () => getDefaultExtensionConfiguration,
  getRetryConfiguration: () => getRetryConfiguration,
  getSmithyContext: () => getSmithyContext,
  getValueFromTextNode: () => getValueFromTextNode,
  invalidFunction: () => invalidFunction,
  invalidProvider: () => invalidProvider,
  isSerializableHeaderValue: () => isSerializableHeaderValue,
  loadConfigsForDefaultMode: () => loadConfigsForDefaultMode,
  makeBuilder: () => makeBuilder,
  map: () => map2,
  normalizeProvider: () => normalizeProvider,
  resolveChecksumRuntimeConfig: () => resolveChecksumRuntimeConfig,
  resolveDefaultRuntimeConfig: () => resolveDefaultRuntimeConfig,
  resolveRetryRuntimeConfig: () => resolveRetryRuntimeConfig,
  schemaLogFilter: () => schemaLogFilter,
  serializeDateTime: () => serializeDateTime,
  serializeFloat: () => serializeFloat,
  take: () => take,
  throwDefaultError: () => throwDefaultError,
  waiterServiceDefaults: () => waiterServiceDefaults,
  withBaseException: () => withBaseException
});
var init_client2 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/index.js"() {
    init_MiddlewareStack();
    init_transport();
    init_transport();
    init_invalidFunction();
    init_invalidProvider();
    init_createWaiter();
    init_waiter();
    init_client();
    init_command();
    init_constants();
    init_create_aggregated_client();
    init_default_error_handler();
    init_defaults_mode();
    init_emitWarningIfUnsupportedVersion();
    init_exceptions();
    init_defaultExtensionConfiguration();
    init_checksum();
    init_retry();
    init_get_array_if_single_item();
    init_get_value_from_text_node();
    init_is_serializable_header_value();
    init_NoOpLogger();
    init_object_mapping();
    init_schemaLogFilter();
    init_ser_utils();
    init_serde_json();
    init_client_command_builder();
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/property-provider/ProviderError.js
var ProviderError, init_ProviderError = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/property-provider/ProviderError.js"() {
    ProviderError = class _ProviderError extends Error {
      name = "ProviderError";
      tryNextLink;
      constructor(message, options = !0) {
        let logger2, tryNextLink = !0;
        typeof options == "boolean" ? (logger2 = void 0, tryNextLink = options) : options != null && typeof options == "object" && (logger2 = options.logger, tryNextLink = options.tryNextLink ?? !0), super(message), this.tryNextLink = tryNextLink, Object.setPrototypeOf(this, _ProviderError.prototype), logger2?.debug?.(`@smithy/property-provider ${tryNextLink ? "->" : "(!)"} ${message}`);
      }
      static from(error2, options = !0) {
        return Object.assign(new this(error2.message, options), error2);
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/property-provider/CredentialsProviderError.js
var CredentialsProviderError, init_CredentialsProviderError = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/property-provider/CredentialsProviderError.js"() {
    init_ProviderError();
    CredentialsProviderError = class _CredentialsProviderError extends ProviderError {
      name = "CredentialsProviderError";
      constructor(message, options = !0) {
        super(message, options), Object.setPrototypeOf(this, _CredentialsProviderError.prototype);
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/property-provider/TokenProviderError.js
var TokenProviderError, init_TokenProviderError = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/property-provider/TokenProviderError.js"() {
    init_ProviderError();
    TokenProviderError = class _TokenProviderError extends ProviderError {
      name = "TokenProviderError";
      constructor(message, options = !0) {
        super(message, options), Object.setPrototypeOf(this, _TokenProviderError.prototype);
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/property-provider/chain.js
var chain, init_chain = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/property-provider/chain.js"() {
    init_ProviderError();
    chain = (...providers) => async () => {
      if (providers.length === 0)
        throw new ProviderError("No providers in chain");
      let lastProviderError;
      for (let provider of providers)
        try {
          return await provider();
        } catch (err) {
          if (lastProviderError = err, err?.tryNextLink)
            continue;
          throw err;
        }
      throw lastProviderError;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/property-provider/fromValue.js
var fromValue, init_fromValue = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/property-provider/fromValue.js"() {
    fromValue = (staticValue) => () => Promise.resolve(staticValue);
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/property-provider/memoize.js
var memoize, init_memoize = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/property-provider/memoize.js"() {
    memoize = (provider, isExpired, requiresRefresh) => {
      let resolved, pending, hasResult, isConstant = !1, coalesceProvider = async () => {
        pending || (pending = provider());
        try {
          resolved = await pending, hasResult = !0, isConstant = !1;
        } finally {
          pending = void 0;
        }
        return resolved;
      };
      return isExpired === void 0 ? async (options) => ((!hasResult || options?.forceRefresh) && (resolved = await coalesceProvider()), resolved) : async (options) => ((!hasResult || options?.forceRefresh) && (resolved = await coalesceProvider()), isConstant ? resolved : requiresRefresh && !requiresRefresh(resolved) ? (isConstant = !0, resolved) : (isExpired(resolved) && await coalesceProvider(), resolved));
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/util-config-provider/booleanSelector.js
var booleanSelector, init_booleanSelector = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/util-config-provider/booleanSelector.js"() {
    booleanSelector = (obj, key, type) => {
      if (key in obj) {
        if (obj[key] === "true")
          return !0;
        if (obj[key] === "false")
          return !1;
        throw new Error(`Cannot load ${type} "${key}". Expected "true" or "false", got ${obj[key]}.`);
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/util-config-provider/numberSelector.js
var numberSelector, init_numberSelector = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/util-config-provider/numberSelector.js"() {
    numberSelector = (obj, key, type) => {
      if (!(key in obj))
        return;
      let numberValue = parseInt(obj[key], 10);
      if (Number.isNaN(numberValue))
        throw new TypeError(`Cannot load ${type} '${key}'. Expected number, got '${obj[key]}'.`);
      return numberValue;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/util-config-provider/types.js
var SelectorType, init_types = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/util-config-provider/types.js"() {
    (function(SelectorType2) {
      SelectorType2.ENV = "env", SelectorType2.CONFIG = "shared config entry";
    })(SelectorType || (SelectorType = {}));
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getHomeDir.js
import { homedir } from "node:os";
import { sep } from "node:path";
var homeDirCache, getHomeDirCacheKey, getHomeDir, init_getHomeDir = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getHomeDir.js"() {
    homeDirCache = {}, getHomeDirCacheKey = () => process && process.geteuid ? `${process.geteuid()}` : "DEFAULT", getHomeDir = () => {
      let { HOME, USERPROFILE, HOMEPATH, HOMEDRIVE = `C:${sep}` } = process.env;
      if (HOME)
        return HOME;
      if (USERPROFILE)
        return USERPROFILE;
      if (HOMEPATH)
        return `${HOMEDRIVE}${HOMEPATH}`;
      let homeDirCacheKey = getHomeDirCacheKey();
      return homeDirCache[homeDirCacheKey] || (homeDirCache[homeDirCacheKey] = homedir()), homeDirCache[homeDirCacheKey];
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getProfileName.js
var ENV_PROFILE, DEFAULT_PROFILE, getProfileName, init_getProfileName = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getProfileName.js"() {
    ENV_PROFILE = "AWS_PROFILE", DEFAULT_PROFILE = "default", getProfileName = (init) => init.profile || process.env[ENV_PROFILE] || DEFAULT_PROFILE;
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getSSOTokenFilepath.js
import { createHash } from "node:crypto";
import { join } from "node:path";
var getSSOTokenFilepath, init_getSSOTokenFilepath = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getSSOTokenFilepath.js"() {
    init_getHomeDir();
    getSSOTokenFilepath = (id) => {
      let cacheName = createHash("sha1").update(id).digest("hex");
      return join(getHomeDir(), ".aws", "sso", "cache", `${cacheName}.json`);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getSSOTokenFromFile.js
import { readFile } from "node:fs/promises";
var tokenIntercept, getSSOTokenFromFile, init_getSSOTokenFromFile = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getSSOTokenFromFile.js"() {
    init_getSSOTokenFilepath();
    tokenIntercept = {}, getSSOTokenFromFile = async (id) => {
      if (tokenIntercept[id])
        return tokenIntercept[id];
      let ssoTokenFilepath = getSSOTokenFilepath(id), ssoTokenText = await readFile(ssoTokenFilepath, "utf8");
      return JSON.parse(ssoTokenText);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/constants.js
var CONFIG_PREFIX_SEPARATOR, init_constants2 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/constants.js"() {
    CONFIG_PREFIX_SEPARATOR = ".";
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getConfigData.js
var import_types4, getConfigData, init_getConfigData = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getConfigData.js"() {
    import_types4 = __toESM(require_dist_cjs()), getConfigData = (data) => Object.entries(data).filter(([key]) => {
      let indexOfSeparator = key.indexOf(".");
      return indexOfSeparator === -1 ? !1 : Object.values(import_types4.IniSectionType).includes(key.substring(0, indexOfSeparator));
    }).reduce((acc, [key, value]) => {
      let indexOfSeparator = key.indexOf("."), updatedKey = key.substring(0, indexOfSeparator) === import_types4.IniSectionType.PROFILE ? key.substring(indexOfSeparator + 1) : key;
      return acc[updatedKey] = value, acc;
    }, {
      ...data.default && { default: data.default }
    });
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getConfigFilepath.js
import { join as join2 } from "node:path";
var ENV_CONFIG_PATH, getConfigFilepath, init_getConfigFilepath = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getConfigFilepath.js"() {
    init_getHomeDir();
    ENV_CONFIG_PATH = "AWS_CONFIG_FILE", getConfigFilepath = () => process.env[ENV_CONFIG_PATH] || join2(getHomeDir(), ".aws", "config");
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getCredentialsFilepath.js
import { join as join3 } from "node:path";
var ENV_CREDENTIALS_PATH, getCredentialsFilepath, init_getCredentialsFilepath = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getCredentialsFilepath.js"() {
    init_getHomeDir();
    ENV_CREDENTIALS_PATH = "AWS_SHARED_CREDENTIALS_FILE", getCredentialsFilepath = () => process.env[ENV_CREDENTIALS_PATH] || join3(getHomeDir(), ".aws", "credentials");
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/parseIni.js
var import_types5, prefixKeyRegex, profileNameBlockList, parseIni, init_parseIni = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/parseIni.js"() {
    import_types5 = __toESM(require_dist_cjs()), prefixKeyRegex = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/, profileNameBlockList = ["__proto__", "profile __proto__"], parseIni = (iniData) => {
      let map3 = {}, currentSection, currentSubSection;
      for (let iniLine of iniData.split(/\r?\n/)) {
        let trimmedLine = iniLine.split(/(^|\s)[;#]/)[0].trim();
        if (trimmedLine[0] === "[" && trimmedLine[trimmedLine.length - 1] === "]") {
          currentSection = void 0, currentSubSection = void 0;
          let sectionName = trimmedLine.substring(1, trimmedLine.length - 1), matches = prefixKeyRegex.exec(sectionName);
          if (matches) {
            let [, prefix, , name] = matches;
            Object.values(import_types5.IniSectionType).includes(prefix) && (currentSection = [prefix, name].join("."));
          } else
            currentSection = sectionName;
          if (profileNameBlockList.includes(sectionName))
            throw new Error(`Found invalid profile name "${sectionName}"`);
        } else if (currentSection) {
          let indexOfEqualsSign = trimmedLine.indexOf("=");
          if (![0, -1].includes(indexOfEqualsSign)) {
            let [name, value] = [
              trimmedLine.substring(0, indexOfEqualsSign).trim(),
              trimmedLine.substring(indexOfEqualsSign + 1).trim()
            ];
            if (value === "")
              currentSubSection = name;
            else {
              currentSubSection && iniLine.trimStart() === iniLine && (currentSubSection = void 0), map3[currentSection] = map3[currentSection] || {};
              let key = currentSubSection ? [currentSubSection, name].join(".") : name;
              map3[currentSection][key] = value;
            }
          }
        }
      }
      return map3;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/readFile.js
import { readFile as fsReadFile } from "node:fs/promises";
var filePromises, fileIntercept, readFile2, init_readFile = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/readFile.js"() {
    filePromises = {}, fileIntercept = {}, readFile2 = (path, options) => fileIntercept[path] !== void 0 ? fileIntercept[path] : ((!filePromises[path] || options?.ignoreCache) && (filePromises[path] = fsReadFile(path, "utf8")), filePromises[path]);
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/loadSharedConfigFiles.js
import { join as join4 } from "node:path";
var swallowError, loadSharedConfigFiles, init_loadSharedConfigFiles = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/loadSharedConfigFiles.js"() {
    init_getConfigData();
    init_getConfigFilepath();
    init_getCredentialsFilepath();
    init_getHomeDir();
    init_parseIni();
    init_readFile();
    swallowError = () => ({}), loadSharedConfigFiles = async (init = {}) => {
      let { filepath = getCredentialsFilepath(), configFilepath = getConfigFilepath() } = init, homeDir = getHomeDir(), relativeHomeDirPrefix = "~/", resolvedFilepath = filepath;
      filepath.startsWith(relativeHomeDirPrefix) && (resolvedFilepath = join4(homeDir, filepath.slice(2)));
      let resolvedConfigFilepath = configFilepath;
      configFilepath.startsWith(relativeHomeDirPrefix) && (resolvedConfigFilepath = join4(homeDir, configFilepath.slice(2)));
      let parsedFiles = await Promise.all([
        readFile2(resolvedConfigFilepath, {
          ignoreCache: init.ignoreCache
        }).then(parseIni).then(getConfigData).catch(swallowError),
        readFile2(resolvedFilepath, {
          ignoreCache: init.ignoreCache
        }).then(parseIni).catch(swallowError)
      ]);
      return {
        configFile: parsedFiles[0],
        credentialsFile: parsedFiles[1]
      };
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getSsoSessionData.js
var import_types6, getSsoSessionData, init_getSsoSessionData = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getSsoSessionData.js"() {
    import_types6 = __toESM(require_dist_cjs()), getSsoSessionData = (data) => Object.entries(data).filter(([key]) => key.startsWith(import_types6.IniSectionType.SSO_SESSION + ".")).reduce((acc, [key, value]) => ({ ...acc, [key.substring(key.indexOf(".") + 1)]: value }), {});
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/loadSsoSessionData.js
var swallowError2, loadSsoSessionData, init_loadSsoSessionData = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/loadSsoSessionData.js"() {
    init_getConfigFilepath();
    init_getSsoSessionData();
    init_parseIni();
    init_readFile();
    swallowError2 = () => ({}), loadSsoSessionData = async (init = {}) => readFile2(init.configFilepath ?? getConfigFilepath()).then(parseIni).then(getSsoSessionData).catch(swallowError2);
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/mergeConfigFiles.js
var mergeConfigFiles, init_mergeConfigFiles = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/mergeConfigFiles.js"() {
    mergeConfigFiles = (...files) => {
      let merged = {};
      for (let file of files)
        for (let [key, values] of Object.entries(file))
          merged[key] !== void 0 ? Object.assign(merged[key], values) : merged[key] = values;
      return merged;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/parseKnownFiles.js
var parseKnownFiles, init_parseKnownFiles = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/parseKnownFiles.js"() {
    init_loadSharedConfigFiles();
    init_mergeConfigFiles();
    parseKnownFiles = async (init) => {
      let parsedFiles = await loadSharedConfigFiles(init);
      return mergeConfigFiles(parsedFiles.configFile, parsedFiles.credentialsFile);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/externalDataInterceptor.js
var externalDataInterceptor, init_externalDataInterceptor = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/externalDataInterceptor.js"() {
    init_getSSOTokenFromFile();
    init_readFile();
    externalDataInterceptor = {
      getFileRecord() {
        return fileIntercept;
      },
      interceptFile(path, contents) {
        fileIntercept[path] = Promise.resolve(contents);
      },
      getTokenRecord() {
        return tokenIntercept;
      },
      interceptToken(id, contents) {
        tokenIntercept[id] = contents;
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/node-config-provider/getSelectorName.js
function getSelectorName(functionString) {
  try {
    let constants = new Set(Array.from(functionString.match(/([A-Z_]){3,}/g) ?? []));
    return constants.delete("CONFIG"), constants.delete("CONFIG_PREFIX_SEPARATOR"), constants.delete("ENV"), [...constants].join(", ");
  } catch {
    return functionString;
  }
}
var init_getSelectorName = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/node-config-provider/getSelectorName.js"() {
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/node-config-provider/fromEnv.js
var fromEnv, init_fromEnv = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/node-config-provider/fromEnv.js"() {
    init_CredentialsProviderError();
    init_getSelectorName();
    fromEnv = (envVarSelector, options) => async () => {
      try {
        let config = envVarSelector(process.env, options);
        if (config === void 0)
          throw new Error();
        return config;
      } catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in ENV: ${getSelectorName(envVarSelector.toString())}`, { logger: options?.logger });
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/node-config-provider/fromSharedConfigFiles.js
var fromSharedConfigFiles, init_fromSharedConfigFiles = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/node-config-provider/fromSharedConfigFiles.js"() {
    init_CredentialsProviderError();
    init_getProfileName();
    init_loadSharedConfigFiles();
    init_getSelectorName();
    fromSharedConfigFiles = (configSelector, { preferredFile = "config", ...init } = {}) => async () => {
      let profile = getProfileName(init), { configFile, credentialsFile } = await loadSharedConfigFiles(init), profileFromCredentials = credentialsFile[profile] || {}, profileFromConfig = configFile[profile] || {}, mergedProfile = preferredFile === "config" ? { ...profileFromCredentials, ...profileFromConfig } : { ...profileFromConfig, ...profileFromCredentials };
      try {
        let configValue = configSelector(mergedProfile, preferredFile === "config" ? configFile : credentialsFile);
        if (configValue === void 0)
          throw new Error();
        return configValue;
      } catch (e) {
        throw new CredentialsProviderError(e.message || `Not found in config files w/ profile [${profile}]: ${getSelectorName(configSelector.toString())}`, { logger: init.logger });
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/node-config-provider/fromStatic.js
var isFunction, fromStatic, init_fromStatic = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/node-config-provider/fromStatic.js"() {
    init_fromValue();
    isFunction = (func) => typeof func == "function", fromStatic = (defaultValue) => isFunction(defaultValue) ? async () => await defaultValue() : fromValue(defaultValue);
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/node-config-provider/configLoader.js
var loadConfig, init_configLoader = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/node-config-provider/configLoader.js"() {
    init_chain();
    init_memoize();
    init_fromEnv();
    init_fromSharedConfigFiles();
    init_fromStatic();
    loadConfig = ({ environmentVariableSelector, configFileSelector, default: defaultValue }, configuration = {}) => {
      let { signingName, logger: logger2 } = configuration;
      return memoize(chain(fromEnv(environmentVariableSelector, { signingName, logger: logger2 }), fromSharedConfigFiles(configFileSelector, configuration), fromStatic(defaultValue)));
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/config-resolver/endpointsConfig/NodeUseDualstackEndpointConfigOptions.js
var ENV_USE_DUALSTACK_ENDPOINT, CONFIG_USE_DUALSTACK_ENDPOINT, DEFAULT_USE_DUALSTACK_ENDPOINT, NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, nodeDualstackConfigSelectors, init_NodeUseDualstackEndpointConfigOptions = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/config-resolver/endpointsConfig/NodeUseDualstackEndpointConfigOptions.js"() {
    init_booleanSelector();
    init_types();
    ENV_USE_DUALSTACK_ENDPOINT = "AWS_USE_DUALSTACK_ENDPOINT", CONFIG_USE_DUALSTACK_ENDPOINT = "use_dualstack_endpoint", DEFAULT_USE_DUALSTACK_ENDPOINT = !1, NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS = {
      environmentVariableSelector: (env) => booleanSelector(env, ENV_USE_DUALSTACK_ENDPOINT, SelectorType.ENV),
      configFileSelector: (profile) => booleanSelector(profile, CONFIG_USE_DUALSTACK_ENDPOINT, SelectorType.CONFIG),
      default: !1
    }, nodeDualstackConfigSelectors = {
      environmentVariableSelector: (env) => booleanSelector(env, ENV_USE_DUALSTACK_ENDPOINT, SelectorType.ENV),
      configFileSelector: (profile) => booleanSelector(profile, CONFIG_USE_DUALSTACK_ENDPOINT, SelectorType.CONFIG),
      default: void 0
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/config-resolver/endpointsConfig/NodeUseFipsEndpointConfigOptions.js
var ENV_USE_FIPS_ENDPOINT, CONFIG_USE_FIPS_ENDPOINT, DEFAULT_USE_FIPS_ENDPOINT, NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, nodeFipsConfigSelectors, init_NodeUseFipsEndpointConfigOptions = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/config-resolver/endpointsConfig/NodeUseFipsEndpointConfigOptions.js"() {
    init_booleanSelector();
    init_types();
    ENV_USE_FIPS_ENDPOINT = "AWS_USE_FIPS_ENDPOINT", CONFIG_USE_FIPS_ENDPOINT = "use_fips_endpoint", DEFAULT_USE_FIPS_ENDPOINT = !1, NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS = {
      environmentVariableSelector: (env) => booleanSelector(env, ENV_USE_FIPS_ENDPOINT, SelectorType.ENV),
      configFileSelector: (profile) => booleanSelector(profile, CONFIG_USE_FIPS_ENDPOINT, SelectorType.CONFIG),
      default: !1
    }, nodeFipsConfigSelectors = {
      environmentVariableSelector: (env) => booleanSelector(env, ENV_USE_FIPS_ENDPOINT, SelectorType.ENV),
      configFileSelector: (profile) => booleanSelector(profile, CONFIG_USE_FIPS_ENDPOINT, SelectorType.CONFIG),
      default: void 0
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/config-resolver/endpointsConfig/resolveCustomEndpointsConfig.js
var resolveCustomEndpointsConfig, init_resolveCustomEndpointsConfig = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/config-resolver/endpointsConfig/resolveCustomEndpointsConfig.js"() {
    init_client2();
    resolveCustomEndpointsConfig = (input) => {
      let { tls, endpoint, urlParser, useDualstackEndpoint } = input;
      return Object.assign(input, {
        tls: tls ?? !0,
        endpoint: normalizeProvider(typeof endpoint == "string" ? urlParser(endpoint) : endpoint),
        isCustomEndpoint: !0,
        useDualstackEndpoint: normalizeProvider(useDualstackEndpoint ?? !1)
      });
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/config-resolver/endpointsConfig/utils/getEndpointFromRegion.js
var getEndpointFromRegion, init_getEndpointFromRegion = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/config-resolver/endpointsConfig/utils/getEndpointFromRegion.js"() {
    getEndpointFromRegion = async (input) => {
      let { tls = !0 } = input, region = await input.region();
      if (!new RegExp(/^([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9])$/).test(region))
        throw new Error("Invalid region in client config");
      let useDualstackEndpoint = await input.useDualstackEndpoint(), useFipsEndpoint = await input.useFipsEndpoint(), { hostname } = await input.regionInfoProvider(region, { useDualstackEndpoint, useFipsEndpoint }) ?? {};
      if (!hostname)
        throw new Error("Cannot resolve hostname from client config");
      return input.urlParser(`${tls ? "https:" : "http:"}//${hostname}`);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/config-resolver/endpointsConfig/resolveEndpointsConfig.js
var resolveEndpointsConfig, init_resolveEndpointsConfig = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/config-resolver/endpointsConfig/resolveEndpointsConfig.js"() {
    init_client2();
    init_getEndpointFromRegion();
    resolveEndpointsConfig = (input) => {
      let useDualstackEndpoint = normalizeProvider(input.useDualstackEndpoint ?? !1), { endpoint, useFipsEndpoint, urlParser, tls } = input;
      return Object.assign(input, {
        tls: tls ?? !0,
        endpoint: endpoint ? normalizeProvider(typeof endpoint == "string" ? urlParser(endpoint) : endpoint) : () => getEndpointFromRegion({ ...input, useDualstackEndpoint, useFipsEndpoint }),
        isCustomEndpoint: !!endpoint,
        useDualstackEndpoint
      });
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/defaults-mode/constants.js
var AWS_EXECUTION_ENV, AWS_REGION_ENV, AWS_DEFAULT_REGION_ENV, ENV_IMDS_DISABLED, DEFAULTS_MODE_OPTIONS, IMDS_REGION_PATH, IMDS_TOKEN_PATH, X_AWS_EC2_METADATA_TOKEN, X_AWS_EC2_METADATA_TOKEN_TTL, init_constants3 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/defaults-mode/constants.js"() {
    AWS_EXECUTION_ENV = "AWS_EXECUTION_ENV", AWS_REGION_ENV = "AWS_REGION", AWS_DEFAULT_REGION_ENV = "AWS_DEFAULT_REGION", ENV_IMDS_DISABLED = "AWS_EC2_METADATA_DISABLED", DEFAULTS_MODE_OPTIONS = ["in-region", "cross-region", "mobile", "standard", "legacy"], IMDS_REGION_PATH = "/latest/meta-data/placement/region", IMDS_TOKEN_PATH = "/latest/api/token", X_AWS_EC2_METADATA_TOKEN = "x-aws-ec2-metadata-token", X_AWS_EC2_METADATA_TOKEN_TTL = "x-aws-ec2-metadata-token-ttl-seconds";
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/getInstanceMetadataRegion.js
var TIMEOUT_MS, NEG_CACHE_TTL_MS, negativeCacheUntil, getInstanceMetadataRegion, cacheNegativeAndReturnUndefined, resolveImdsEndpoint, imdsRequest, init_getInstanceMetadataRegion = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/getInstanceMetadataRegion.js"() {
    init_constants3();
    TIMEOUT_MS = 1e3, NEG_CACHE_TTL_MS = 6e4, negativeCacheUntil = 0, getInstanceMetadataRegion = async () => {
      if (!process.env[ENV_IMDS_DISABLED] && !(Date.now() < negativeCacheUntil))
        try {
          let endpoint = resolveImdsEndpoint(), token = (await imdsRequest({
            ...endpoint,
            path: IMDS_TOKEN_PATH,
            method: "PUT",
            headers: {
              [X_AWS_EC2_METADATA_TOKEN_TTL]: "21600"
            }
          })).toString();
          return (await imdsRequest({
            ...endpoint,
            path: IMDS_REGION_PATH,
            method: "GET",
            headers: {
              [X_AWS_EC2_METADATA_TOKEN]: token
            }
          })).toString().trim() || cacheNegativeAndReturnUndefined();
        } catch {
          return cacheNegativeAndReturnUndefined();
        }
    }, cacheNegativeAndReturnUndefined = () => {
      negativeCacheUntil = Date.now() + NEG_CACHE_TTL_MS;
    }, resolveImdsEndpoint = () => {
      let envEndpoint = process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT;
      if (envEndpoint) {
        let url = new URL(envEndpoint);
        return {
          hostname: url.hostname.replace(/^\[(.+)]$/, "$1"),
          port: url.port ? Number(url.port) : void 0
        };
      }
      return process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE === "IPv6" ? { hostname: "fd00:ec2::254" } : { hostname: "169.254.169.254" };
    }, imdsRequest = async (options) => {
      let { request } = await import("node:http");
      return new Promise((resolve, reject) => {
        let req = request({
          hostname: options.hostname,
          port: options.port,
          path: options.path,
          method: options.method,
          headers: options.headers,
          timeout: TIMEOUT_MS,
          signal: AbortSignal.timeout(TIMEOUT_MS)
        });
        req.on("error", (err) => {
          reject(err), req.destroy();
        }), req.on("timeout", () => {
          reject(new Error("TimeoutError from instance metadata service")), req.destroy();
        }), req.on("response", (res) => {
          let { statusCode = 400 } = res;
          if (statusCode < 200 || statusCode >= 300) {
            reject(Object.assign(new Error("Error response received from instance metadata service"), { statusCode })), req.destroy();
            return;
          }
          let chunks = [];
          res.on("data", (chunk) => chunks.push(chunk)), res.on("end", () => {
            resolve(Buffer.concat(chunks)), req.destroy();
          });
        }), req.end();
      });
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/config.js
var REGION_ENV_NAME, REGION_INI_NAME, NODE_REGION_CONFIG_OPTIONS, NODE_REGION_CONFIG_FILE_OPTIONS, init_config = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/config.js"() {
    init_getInstanceMetadataRegion();
    REGION_ENV_NAME = "AWS_REGION", REGION_INI_NAME = "region", NODE_REGION_CONFIG_OPTIONS = {
      environmentVariableSelector: (env) => env[REGION_ENV_NAME],
      configFileSelector: (profile) => profile[REGION_INI_NAME],
      default: async () => {
        let region = await getInstanceMetadataRegion();
        if (region)
          return region;
        throw new Error("Region is missing");
      }
    }, NODE_REGION_CONFIG_FILE_OPTIONS = {
      preferredFile: "credentials"
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/checkRegion.js
var validRegions, checkRegion, init_checkRegion = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/checkRegion.js"() {
    init_transport();
    validRegions = /* @__PURE__ */ new Set(), checkRegion = (region, check = isValidHostLabel) => {
      if (!validRegions.has(region) && !check(region))
        if (region === "*")
          console.warn('@smithy/config-resolver WARN - Please use the caller region instead of "*". See "sigv4a" in https://github.com/aws/aws-sdk-js-v3/blob/main/supplemental-docs/CLIENTS.md.');
        else
          throw new Error(`Region not accepted: region="${region}" is not a valid hostname component.`);
      else
        validRegions.add(region);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/isFipsRegion.js
var isFipsRegion, init_isFipsRegion = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/isFipsRegion.js"() {
    isFipsRegion = (region) => typeof region == "string" && (region.startsWith("fips-") || region.endsWith("-fips"));
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/getRealRegion.js
var getRealRegion, init_getRealRegion = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/getRealRegion.js"() {
    init_isFipsRegion();
    getRealRegion = (region) => isFipsRegion(region) ? ["fips-aws-global", "aws-fips"].includes(region) ? "us-east-1" : region.replace(/fips-(dkr-|prod-)?|-fips/, "") : region;
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/resolveRegionConfig.js
var resolveRegionConfig, init_resolveRegionConfig = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/resolveRegionConfig.js"() {
    init_checkRegion();
    init_getRealRegion();
    init_isFipsRegion();
    resolveRegionConfig = (input) => {
      let { region, useFipsEndpoint } = input;
      if (!region)
        throw new Error("Region is missing");
      return Object.assign(input, {
        region: async () => {
          let providedRegion = typeof region == "function" ? await region() : region, realRegion = getRealRegion(providedRegion);
          return checkRegion(realRegion), realRegion;
        },
        useFipsEndpoint: async () => {
          let providedRegion = typeof region == "string" ? region : await region();
          return isFipsRegion(providedRegion) ? !0 : typeof useFipsEndpoint != "function" ? Promise.resolve(!!useFipsEndpoint) : useFipsEndpoint();
        }
      });
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionInfo/getHostnameFromVariants.js
var getHostnameFromVariants, init_getHostnameFromVariants = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionInfo/getHostnameFromVariants.js"() {
    getHostnameFromVariants = (variants = [], { useFipsEndpoint, useDualstackEndpoint }) => variants.find(({ tags }) => useFipsEndpoint === tags.includes("fips") && useDualstackEndpoint === tags.includes("dualstack"))?.hostname;
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionInfo/getResolvedHostname.js
var getResolvedHostname, init_getResolvedHostname = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionInfo/getResolvedHostname.js"() {
    getResolvedHostname = (resolvedRegion, { regionHostname, partitionHostname }) => regionHostname || (partitionHostname ? partitionHostname.replace("{region}", resolvedRegion) : void 0);
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionInfo/getResolvedPartition.js
var getResolvedPartition, init_getResolvedPartition = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionInfo/getResolvedPartition.js"() {
    getResolvedPartition = (region, { partitionHash }) => Object.keys(partitionHash || {}).find((key) => partitionHash[key].regions.includes(region)) ?? "aws";
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionInfo/getResolvedSigningRegion.js
var getResolvedSigningRegion, init_getResolvedSigningRegion = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionInfo/getResolvedSigningRegion.js"() {
    getResolvedSigningRegion = (hostname, { signingRegion, regionRegex, useFipsEndpoint }) => {
      if (signingRegion)
        return signingRegion;
      if (useFipsEndpoint) {
        let regionRegexJs = regionRegex.replace("\\\\", "\\").replace(/^\^/g, "\\.").replace(/\$$/g, "\\."), regionRegexmatchArray = hostname.match(regionRegexJs);
        if (regionRegexmatchArray)
          return regionRegexmatchArray[0].slice(1, -1);
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionInfo/getRegionInfo.js
var getRegionInfo, init_getRegionInfo = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionInfo/getRegionInfo.js"() {
    init_getHostnameFromVariants();
    init_getResolvedHostname();
    init_getResolvedPartition();
    init_getResolvedSigningRegion();
    getRegionInfo = (region, { useFipsEndpoint = !1, useDualstackEndpoint = !1, signingService, regionHash, partitionHash }) => {
      let partition = getResolvedPartition(region, { partitionHash }), resolvedRegion = region in regionHash ? region : partitionHash[partition]?.endpoint ?? region, hostnameOptions = { useFipsEndpoint, useDualstackEndpoint }, regionHostname = getHostnameFromVariants(regionHash[resolvedRegion]?.variants, hostnameOptions), partitionHostname = getHostnameFromVariants(partitionHash[partition]?.variants, hostnameOptions), hostname = getResolvedHostname(resolvedRegion, { regionHostname, partitionHostname });
      if (hostname === void 0)
        throw new Error(`Endpoint resolution failed for: ${{ resolvedRegion, useFipsEndpoint, useDualstackEndpoint }}`);
      let signingRegion = getResolvedSigningRegion(hostname, {
        signingRegion: regionHash[resolvedRegion]?.signingRegion,
        regionRegex: partitionHash[partition].regionRegex,
        useFipsEndpoint
      });
      return {
        partition,
        signingService,
        hostname,
        ...signingRegion && { signingRegion },
        ...regionHash[resolvedRegion]?.signingService && {
          signingService: regionHash[resolvedRegion].signingService
        }
      };
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/defaults-mode/defaultsModeConfig.js
var AWS_DEFAULTS_MODE_ENV, AWS_DEFAULTS_MODE_CONFIG, NODE_DEFAULTS_MODE_CONFIG_OPTIONS, init_defaultsModeConfig = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/defaults-mode/defaultsModeConfig.js"() {
    AWS_DEFAULTS_MODE_ENV = "AWS_DEFAULTS_MODE", AWS_DEFAULTS_MODE_CONFIG = "defaults_mode", NODE_DEFAULTS_MODE_CONFIG_OPTIONS = {
      environmentVariableSelector: (env) => env[AWS_DEFAULTS_MODE_ENV],
      configFileSelector: (profile) => profile[AWS_DEFAULTS_MODE_CONFIG],
      default: "legacy"
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/defaults-mode/resolveDefaultsModeConfig.js
var resolveDefaultsModeConfig, resolveNodeDefaultsModeAuto, inferPhysicalRegion, init_resolveDefaultsModeConfig = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/defaults-mode/resolveDefaultsModeConfig.js"() {
    init_config();
    init_getInstanceMetadataRegion();
    init_configLoader();
    init_memoize();
    init_constants3();
    init_defaultsModeConfig();
    resolveDefaultsModeConfig = ({ region = loadConfig(NODE_REGION_CONFIG_OPTIONS), defaultsMode = loadConfig(NODE_DEFAULTS_MODE_CONFIG_OPTIONS) } = {}) => memoize(async () => {
      let mode = typeof defaultsMode == "function" ? await defaultsMode() : defaultsMode;
      switch (mode?.toLowerCase()) {
        case "auto":
          return resolveNodeDefaultsModeAuto(region);
        case "in-region":
        case "cross-region":
        case "mobile":
        case "standard":
        case "legacy":
          return Promise.resolve(mode?.toLocaleLowerCase());
        case void 0:
          return Promise.resolve("legacy");
        default:
          throw new Error(`Invalid parameter for "defaultsMode", expect ${DEFAULTS_MODE_OPTIONS.join(", ")}, got ${mode}`);
      }
    }), resolveNodeDefaultsModeAuto = async (clientRegion) => {
      if (clientRegion) {
        let resolvedRegion = typeof clientRegion == "function" ? await clientRegion() : clientRegion, inferredRegion = await inferPhysicalRegion();
        return inferredRegion ? resolvedRegion === inferredRegion ? "in-region" : "cross-region" : "standard";
      }
      return "standard";
    }, inferPhysicalRegion = async () => process.env[AWS_EXECUTION_ENV] && (process.env[AWS_REGION_ENV] || process.env[AWS_DEFAULT_REGION_ENV]) ? process.env[AWS_REGION_ENV] ?? process.env[AWS_DEFAULT_REGION_ENV] : getInstanceMetadataRegion();
  }
});

// node_modules/@smithy/core/dist-es/submodules/config/index.js
var config_exports = {};
__export(config_exports, {
  CONFIG_PREFIX_SEPARATOR: () => CONFIG_PREFIX_SEPARATOR,
  CONFIG_USE_DUALSTACK_ENDPOINT: () => CONFIG_USE_DUALSTACK_ENDPOINT,
  CONFIG_USE_FIPS_ENDPOINT: () => CONFIG_USE_FIPS_ENDPOINT,
  CredentialsProviderError: () => CredentialsProviderError,
  DEFAULT_PROFILE: () => DEFAULT_PROFILE,
  DEFAULT_USE_DUALSTACK_ENDPOINT: () => DEFAULT_USE_DUALSTACK_ENDPOINT,
  DEFAULT_USE_FIPS_ENDPOINT: () => DEFAULT_USE_FIPS_ENDPOINT,
  ENV_PROFILE: () => ENV_PROFILE,
  ENV_USE_DUALSTACK_ENDPOINT: () => ENV_USE_DUALSTACK_ENDPOINT,
  ENV_USE_FIPS_ENDPOINT: () => ENV_USE_FIPS_ENDPOINT,
  NODE_REGION_CONFIG_FILE_OPTIONS: () => NODE_REGION_CONFIG_FILE_OPTIONS,
  NODE_REGION_CONFIG_OPTIONS: () => NODE_REGION_CONFIG_OPTIONS,
  NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS: () => NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS,
  NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS: () => NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS,
  ProviderError: () => ProviderError,
  REGION_ENV_NAME: () => REGION_ENV_NAME,
  REGION_INI_NAME: () => REGION_INI_NAME,
  SelectorType: () => SelectorType,
  TokenProviderError: () => TokenProviderError,
  booleanSelector: () => booleanSelector,
  chain: () => chain,
  externalDataInterceptor: () => externalDataInterceptor,
  fromStatic: () => fromStatic,
  fromValue: () => fromValue,
  getHomeDir: () => getHomeDir,
  getProfileName: () => getProfileName,
  getRegionInfo: () => getRegionInfo,
  getSSOTokenFilepath: () => getSSOTokenFilepath,
  getSSOTokenFromFile: () => getSSOTokenFromFile,
  loadConfig: () => loadConfig,
  loadSharedConfigFiles: () => loadSharedConfigFiles,
  loadSsoSessionData: () => loadSsoSessionData,
  memoize: () => memoize,
  nodeDualstackConfigSelectors: () => nodeDualstackConfigSelectors,
  nodeFipsConfigSelectors: () => nodeFipsConfigSelectors,
  numberSelector: () => numberSelector,
  parseKnownFiles: () => parseKnownFiles,
  readFile: () => readFile2,
  resolveCustomEndpointsConfig: () => resolveCustomEndpointsConfig,
  resolveDefaultsModeConfig: () => resolveDefaultsModeConfig,
  resolveEndpointsConfig: () => resolveEndpointsConfig,
  resolveRegionConfig: () => resolveRegionConfig
});
var init_config2 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/config/index.js"() {
    init_ProviderError();
    init_CredentialsProviderError();
    init_TokenProviderError();
    init_chain();
    init_fromValue();
    init_memoize();
    init_booleanSelector();
    init_numberSelector();
    init_types();
    init_getHomeDir();
    init_getProfileName();
    init_getSSOTokenFilepath();
    init_getSSOTokenFromFile();
    init_constants2();
    init_loadSharedConfigFiles();
    init_loadSsoSessionData();
    init_parseKnownFiles();
    init_externalDataInterceptor();
    init_readFile();
    init_configLoader();
    init_fromStatic();
    init_NodeUseDualstackEndpointConfigOptions();
    init_NodeUseFipsEndpointConfigOptions();
    init_resolveCustomEndpointsConfig();
    init_resolveEndpointsConfig();
    init_config();
    init_resolveRegionConfig();
    init_getRegionInfo();
    init_resolveDefaultsModeConfig();
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/adaptors/getEndpointUrlConfig.js
var ENV_ENDPOINT_URL, CONFIG_ENDPOINT_URL, getEndpointUrlConfig, init_getEndpointUrlConfig = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/adaptors/getEndpointUrlConfig.js"() {
    ENV_ENDPOINT_URL = "AWS_ENDPOINT_URL", CONFIG_ENDPOINT_URL = "endpoint_url", getEndpointUrlConfig = (serviceId) => ({
      environmentVariableSelector: (env) => {
        let serviceSuffixParts = serviceId.split(" ").map((w) => w.toUpperCase()), serviceEndpointUrl = env[[ENV_ENDPOINT_URL, ...serviceSuffixParts].join("_")];
        if (serviceEndpointUrl)
          return serviceEndpointUrl;
        let endpointUrl = env[ENV_ENDPOINT_URL];
        if (endpointUrl)
          return endpointUrl;
      },
      configFileSelector: (profile, config) => {
        if (profile.services) {
          let servicesSectionKey = ["services", profile.services].join(".");
          if (!config || !config[servicesSectionKey])
            throw new Error(`The services section "${profile.services}" specified in the profile is not present in the shared configuration file.`);
          let servicesSection = config[servicesSectionKey], servicePrefixParts = serviceId.split(" ").map((w) => w.toLowerCase()), endpointUrl2 = servicesSection[[servicePrefixParts.join("_"), CONFIG_ENDPOINT_URL].join(".")];
          if (endpointUrl2)
            return endpointUrl2;
        }
        let endpointUrl = profile[CONFIG_ENDPOINT_URL];
        if (endpointUrl)
          return endpointUrl;
      },
      default: void 0
    });
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/adaptors/getIgnoreConfiguredEndpointUrls.js
var ENV_IGNORE_CONFIGURED_ENDPOINT_URLS, CONFIG_IGNORE_CONFIGURED_ENDPOINT_URLS, ignoreConfiguredEndpointUrlsConfigSelectors, init_getIgnoreConfiguredEndpointUrls = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/adaptors/getIgnoreConfiguredEndpointUrls.js"() {
    init_config2();
    ENV_IGNORE_CONFIGURED_ENDPOINT_URLS = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", CONFIG_IGNORE_CONFIGURED_ENDPOINT_URLS = "ignore_configured_endpoint_urls", ignoreConfiguredEndpointUrlsConfigSelectors = {
      environmentVariableSelector: (env) => booleanSelector(env, ENV_IGNORE_CONFIGURED_ENDPOINT_URLS, SelectorType.ENV),
      configFileSelector: (profile) => booleanSelector(profile, CONFIG_IGNORE_CONFIGURED_ENDPOINT_URLS, SelectorType.CONFIG),
      default: !1
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/adaptors/getEndpointFromConfig.js
var getEndpointFromConfig, init_getEndpointFromConfig = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/adaptors/getEndpointFromConfig.js"() {
    init_config2();
    init_getEndpointUrlConfig();
    init_getIgnoreConfiguredEndpointUrls();
    getEndpointFromConfig = async (serviceId) => {
      if (!await loadConfig(ignoreConfiguredEndpointUrlsConfigSelectors)())
        return loadConfig(getEndpointUrlConfig(serviceId ?? ""))();
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/service-customizations/s3.js
var resolveParamsForS3, DOMAIN_PATTERN, IP_ADDRESS_PATTERN, DOTS_PATTERN, isDnsCompatibleBucketName, isArnBucketName, init_s3 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/service-customizations/s3.js"() {
    resolveParamsForS3 = async (endpointParams) => {
      let bucket = endpointParams?.Bucket || "";
      if (typeof endpointParams.Bucket == "string" && (endpointParams.Bucket = bucket.replace(/#/g, encodeURIComponent("#")).replace(/\?/g, encodeURIComponent("?"))), isArnBucketName(bucket)) {
        if (endpointParams.ForcePathStyle === !0)
          throw new Error("Path-style addressing cannot be used with ARN buckets");
      } else (!isDnsCompatibleBucketName(bucket) || bucket.indexOf(".") !== -1 && !String(endpointParams.Endpoint).startsWith("http:") || bucket.toLowerCase() !== bucket || bucket.length < 3) && (endpointParams.ForcePathStyle = !0);
      return endpointParams.DisableMultiRegionAccessPoints && (endpointParams.disableMultiRegionAccessPoints = !0, endpointParams.DisableMRAP = !0), endpointParams;
    }, DOMAIN_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, IP_ADDRESS_PATTERN = /(\d+\.){3}\d+/, DOTS_PATTERN = /\.\./, isDnsCompatibleBucketName = (bucketName) => DOMAIN_PATTERN.test(bucketName) && !IP_ADDRESS_PATTERN.test(bucketName) && !DOTS_PATTERN.test(bucketName), isArnBucketName = (bucketName) => {
      let [arn, partition, service, , , bucket] = bucketName.split(":"), isArn = arn === "arn" && bucketName.split(":").length >= 6, isValidArn = !!(isArn && partition && service && bucket);
      if (isArn && !isValidArn)
        throw new Error(`Invalid ARN: ${bucketName} was an invalid ARN.`);
      return isValidArn;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/service-customizations/index.js
var init_service_customizations = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/service-customizations/index.js"() {
    init_s3();
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/adaptors/createConfigValueProvider.js
var createConfigValueProvider, init_createConfigValueProvider = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/adaptors/createConfigValueProvider.js"() {
    createConfigValueProvider = (configKey, canonicalEndpointParamKey, config, isClientContextParam = !1) => {
      let configProvider = async () => {
        let configValue;
        return isClientContextParam ? configValue = config.clientContextParams?.[configKey] ?? config[configKey] ?? config[canonicalEndpointParamKey] : configValue = config[configKey] ?? config[canonicalEndpointParamKey], typeof configValue == "function" ? configValue() : configValue;
      };
      return configKey === "credentialScope" || canonicalEndpointParamKey === "CredentialScope" ? async () => {
        let credentials = typeof config.credentials == "function" ? await config.credentials() : config.credentials;
        return credentials?.credentialScope ?? credentials?.CredentialScope;
      } : configKey === "accountId" || canonicalEndpointParamKey === "AccountId" ? async () => {
        let credentials = typeof config.credentials == "function" ? await config.credentials() : config.credentials;
        return credentials?.accountId ?? credentials?.AccountId;
      } : configKey === "endpoint" || canonicalEndpointParamKey === "endpoint" ? async () => {
        if (config.isCustomEndpoint === !1)
          return;
        let endpoint = await configProvider();
        if (endpoint && typeof endpoint == "object") {
          if ("url" in endpoint)
            return endpoint.url.href;
          if ("hostname" in endpoint) {
            let { protocol, hostname, port, path } = endpoint;
            return `${protocol}//${hostname}${port ? ":" + port : ""}${path}`;
          }
        }
        return endpoint;
      } : configProvider;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/adaptors/toEndpointV1.js
var init_toEndpointV12 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/adaptors/toEndpointV1.js"() {
    init_transport();
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/adaptors/getEndpointFromInstructions.js
function bindGetEndpointFromInstructions(getEndpointFromConfig2) {
  return async (commandInput, instructionsSupplier, clientConfig, context) => {
    if (!clientConfig.isCustomEndpoint && !clientConfig.ignoreConfiguredEndpointUrls) {
      let endpointFromConfig;
      clientConfig.serviceConfiguredEndpoint ? endpointFromConfig = await clientConfig.serviceConfiguredEndpoint() : endpointFromConfig = await getEndpointFromConfig2(clientConfig.serviceId), endpointFromConfig && (clientConfig.endpoint = () => Promise.resolve(toEndpointV1(endpointFromConfig)), clientConfig.isCustomEndpoint = !0, context?.logger?.debug?.(`@smithy/core/endpoints - resolved endpoint from config: ${endpointFromConfig}`));
    }
    let endpointParams = await resolveParams(commandInput, instructionsSupplier, clientConfig);
    if (typeof clientConfig.endpointProvider != "function")
      throw new Error("config.endpointProvider is not set.");
    let endpoint = clientConfig.endpointProvider(endpointParams, context);
    if (clientConfig.isCustomEndpoint && clientConfig.endpoint) {
      let customEndpoint = await clientConfig.endpoint();
      if (customEndpoint?.headers) {
        endpoint.headers ??= {};
        for (let [name, value] of Object.entries(customEndpoint.headers))
          endpoint.headers[name] = Array.isArray(value) ? value : [value];
      }
    }
    return endpoint;
  };
}
var resolveParams, init_getEndpointFromInstructions = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/adaptors/getEndpointFromInstructions.js"() {
    init_service_customizations();
    init_createConfigValueProvider();
    init_toEndpointV12();
    resolveParams = async (commandInput, instructionsSupplier, clientConfig) => {
      let endpointParams = {}, instructions = instructionsSupplier?.getEndpointParameterInstructions?.() || {};
      for (let [name, instruction] of Object.entries(instructions))
        switch (instruction.type) {
          case "staticContextParams":
            endpointParams[name] = instruction.value;
            break;
          case "contextParams":
            endpointParams[name] = commandInput[instruction.name];
            break;
          case "clientContextParams":
          case "builtInParams":
            endpointParams[name] = await createConfigValueProvider(instruction.name, name, clientConfig, instruction.type !== "builtInParams")();
            break;
          case "operationContextParams":
            endpointParams[name] = instruction.get(commandInput);
            break;
          default:
            throw new Error("Unrecognized endpoint parameter instruction: " + JSON.stringify(instruction));
        }
      return Object.keys(instructions).length === 0 && Object.assign(endpointParams, clientConfig), String(clientConfig.serviceId).toLowerCase() === "s3" && await resolveParamsForS3(endpointParams), endpointParams;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/endpointMiddleware.js
function setFeature(context, feature, value) {
  context.__smithy_context ? context.__smithy_context.features || (context.__smithy_context.features = {}) : context.__smithy_context = { features: {} }, context.__smithy_context.features[feature] = value;
}
function bindEndpointMiddleware(getEndpointFromConfig2) {
  let getEndpointFromInstructions2 = bindGetEndpointFromInstructions(getEndpointFromConfig2);
  return ({ config, instructions }) => (next, context) => async (args) => {
    config.isCustomEndpoint && setFeature(context, "ENDPOINT_OVERRIDE", "N");
    let endpoint = await getEndpointFromInstructions2(args.input, {
      getEndpointParameterInstructions() {
        return instructions;
      }
    }, { ...config }, context);
    context.endpointV2 = endpoint, context.authSchemes = endpoint.properties?.authSchemes;
    let authScheme = context.authSchemes?.[0];
    if (authScheme) {
      context.signing_region = authScheme.signingRegion, context.signing_service = authScheme.signingName;
      let httpAuthOption = getSmithyContext(context)?.selectedHttpAuthScheme?.httpAuthOption;
      httpAuthOption && (httpAuthOption.signingProperties = Object.assign(httpAuthOption.signingProperties || {}, {
        signing_region: authScheme.signingRegion,
        signingRegion: authScheme.signingRegion,
        signing_service: authScheme.signingName,
        signingName: authScheme.signingName,
        signingRegionSet: authScheme.signingRegionSet
      }, authScheme.properties));
    }
    return next({
      ...args
    });
  };
}
var init_endpointMiddleware = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/endpointMiddleware.js"() {
    init_transport();
    init_getEndpointFromInstructions();
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/getEndpointPlugin.js
function bindGetEndpointPlugin(getEndpointFromConfig2) {
  let endpointMiddleware2 = bindEndpointMiddleware(getEndpointFromConfig2);
  return (config, instructions) => ({
    applyToStack: (clientStack) => {
      clientStack.addRelativeTo(endpointMiddleware2({
        config,
        instructions
      }), endpointMiddlewareOptions);
    }
  });
}
var serializerMiddlewareOption2, endpointMiddlewareOptions, init_getEndpointPlugin = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/getEndpointPlugin.js"() {
    init_endpointMiddleware();
    serializerMiddlewareOption2 = {
      name: "serializerMiddleware",
      step: "serialize",
      tags: ["SERIALIZER"],
      override: !0
    }, endpointMiddlewareOptions = {
      step: "serialize",
      tags: ["ENDPOINT_PARAMETERS", "ENDPOINT_V2", "ENDPOINT"],
      name: "endpointV2Middleware",
      override: !0,
      relation: "before",
      toMiddleware: serializerMiddlewareOption2.name
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/resolveEndpointConfig.js
function bindResolveEndpointConfig(getEndpointFromConfig2) {
  return (input) => {
    let tls = input.tls ?? !0, { endpoint, useDualstackEndpoint, useFipsEndpoint } = input, customEndpointProvider = endpoint != null ? async () => toEndpointV1(await normalizeProvider(endpoint)()) : void 0, resolvedConfig = Object.assign(input, {
      endpoint: customEndpointProvider,
      tls,
      isCustomEndpoint: !!endpoint,
      useDualstackEndpoint: normalizeProvider(useDualstackEndpoint ?? !1),
      useFipsEndpoint: normalizeProvider(useFipsEndpoint ?? !1),
      ignoreConfiguredEndpointUrls: !!input.ignoreConfiguredEndpointUrls
    }), configuredEndpointPromise;
    return resolvedConfig.serviceConfiguredEndpoint = async () => (input.serviceId && !configuredEndpointPromise && (configuredEndpointPromise = getEndpointFromConfig2(input.serviceId)), configuredEndpointPromise), resolvedConfig;
  };
}
var init_resolveEndpointConfig = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/resolveEndpointConfig.js"() {
    init_transport();
    init_toEndpointV12();
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/bdd/BinaryDecisionDiagram.js
var BinaryDecisionDiagram, init_BinaryDecisionDiagram = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/bdd/BinaryDecisionDiagram.js"() {
    BinaryDecisionDiagram = class _BinaryDecisionDiagram {
      nodes;
      root;
      conditions;
      results;
      constructor(bdd, root, conditions, results) {
        this.nodes = bdd, this.root = root, this.conditions = conditions, this.results = results;
      }
      static from(bdd, root, conditions, results) {
        return new _BinaryDecisionDiagram(bdd, root, conditions, results);
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/cache/EndpointCache.js
var EndpointCache, init_EndpointCache = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/cache/EndpointCache.js"() {
    EndpointCache = class {
      capacity;
      data = /* @__PURE__ */ new Map();
      parameters = [];
      constructor({ size, params }) {
        this.capacity = size ?? 50, params && (this.parameters = params);
      }
      get(endpointParams, resolver) {
        let key = this.hash(endpointParams);
        if (key === !1)
          return resolver();
        if (!this.data.has(key)) {
          if (this.data.size > this.capacity + 10) {
            let keys = this.data.keys(), i = 0;
            for (; ; ) {
              let { value, done } = keys.next();
              if (this.data.delete(value), done || ++i > 10)
                break;
            }
          }
          this.data.set(key, resolver());
        }
        return this.data.get(key);
      }
      size() {
        return this.data.size;
      }
      hash(endpointParams) {
        let buffer = "", { parameters } = this;
        if (parameters.length === 0)
          return !1;
        for (let param of parameters) {
          let raw = endpointParams[param], val = raw == null ? "\0" : String(raw);
          if (val.includes("|;"))
            return !1;
          buffer += val + "|;";
        }
        return buffer;
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/types/EndpointError.js
var EndpointError, init_EndpointError = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/types/EndpointError.js"() {
    EndpointError = class extends Error {
      constructor(message) {
        super(message), this.name = "EndpointError";
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/types/index.js
var init_types2 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/types/index.js"() {
    init_EndpointError();
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/debug/debugId.js
var debugId, init_debugId = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/debug/debugId.js"() {
    debugId = "endpoints";
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/debug/toDebugString.js
function toDebugString(input) {
  return typeof input != "object" || input == null ? input : "ref" in input ? `$${toDebugString(input.ref)}` : "fn" in input ? `${input.fn}(${(input.argv || []).map(toDebugString).join(", ")})` : JSON.stringify(input, null, 2);
}
var init_toDebugString = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/debug/toDebugString.js"() {
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/debug/index.js
var init_debug = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/debug/index.js"() {
    init_debugId();
    init_toDebugString();
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/customEndpointFunctions.js
var customEndpointFunctions, init_customEndpointFunctions = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/customEndpointFunctions.js"() {
    customEndpointFunctions = {};
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/booleanEquals.js
var booleanEquals, init_booleanEquals = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/booleanEquals.js"() {
    booleanEquals = (value1, value2) => value1 === value2;
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/coalesce.js
function coalesce(...args) {
  for (let arg of args)
    if (arg != null)
      return arg;
}
var init_coalesce = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/coalesce.js"() {
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/getAttrPathList.js
var getAttrPathList, init_getAttrPathList = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/getAttrPathList.js"() {
    init_types2();
    getAttrPathList = (path) => {
      let parts = path.split("."), pathList = [];
      for (let part of parts) {
        let squareBracketIndex = part.indexOf("[");
        if (squareBracketIndex !== -1) {
          if (part.indexOf("]") !== part.length - 1)
            throw new EndpointError(`Path: '${path}' does not end with ']'`);
          let arrayIndex = part.slice(squareBracketIndex + 1, -1);
          if (Number.isNaN(parseInt(arrayIndex)))
            throw new EndpointError(`Invalid array index: '${arrayIndex}' in path: '${path}'`);
          squareBracketIndex !== 0 && pathList.push(part.slice(0, squareBracketIndex)), pathList.push(arrayIndex);
        } else
          pathList.push(part);
      }
      return pathList;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/getAttr.js
var getAttr, init_getAttr = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/getAttr.js"() {
    init_types2();
    init_getAttrPathList();
    getAttr = (value, path) => getAttrPathList(path).reduce((acc, index) => {
      if (typeof acc != "object")
        throw new EndpointError(`Index '${index}' in '${path}' not found in '${JSON.stringify(value)}'`);
      if (Array.isArray(acc)) {
        let i = parseInt(index);
        return acc[i < 0 ? acc.length + i : i];
      }
      return acc[index];
    }, value);
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/isSet.js
var isSet, init_isSet = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/isSet.js"() {
    isSet = (value) => value != null;
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/ite.js
function ite(condition, trueValue, falseValue) {
  return condition ? trueValue : falseValue;
}
var init_ite = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/ite.js"() {
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/not.js
var not, init_not = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/not.js"() {
    not = (value) => !value;
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/isIpAddress.js
var IP_V4_REGEX, isIpAddress, init_isIpAddress = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/isIpAddress.js"() {
    IP_V4_REGEX = new RegExp("^(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)){3}$"), isIpAddress = (value) => IP_V4_REGEX.test(value) || value.startsWith("[") && value.endsWith("]");
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/parseURL.js
var import_types12, DEFAULT_PORTS, parseURL, init_parseURL = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/parseURL.js"() {
    import_types12 = __toESM(require_dist_cjs());
    init_isIpAddress();
    DEFAULT_PORTS = {
      [import_types12.EndpointURLScheme.HTTP]: 80,
      [import_types12.EndpointURLScheme.HTTPS]: 443
    }, parseURL = (value) => {
      let whatwgURL = (() => {
        try {
          if (value instanceof URL)
            return value;
          if (typeof value == "object" && "hostname" in value) {
            let { hostname: hostname2, port, protocol: protocol2 = "", path = "", query = {} } = value, url = new URL(`${protocol2}//${hostname2}${port ? `:${port}` : ""}${path}`);
            return url.search = Object.entries(query).map(([k, v]) => `${k}=${v}`).join("&"), url;
          }
          return new URL(value);
        } catch {
          return null;
        }
      })();
      if (!whatwgURL)
        return console.error(`Unable to parse ${JSON.stringify(value)} as a whatwg URL.`), null;
      let urlString = whatwgURL.href, { host, hostname, pathname, protocol, search } = whatwgURL;
      if (search)
        return null;
      let scheme = protocol.slice(0, -1);
      if (!Object.values(import_types12.EndpointURLScheme).includes(scheme))
        return null;
      let isIp = isIpAddress(hostname), inputContainsDefaultPort = urlString.includes(`${host}:${DEFAULT_PORTS[scheme]}`) || typeof value == "string" && value.includes(`${host}:${DEFAULT_PORTS[scheme]}`), authority = `${host}${inputContainsDefaultPort ? `:${DEFAULT_PORTS[scheme]}` : ""}`;
      return {
        scheme,
        authority,
        path: pathname,
        normalizedPath: pathname.endsWith("/") ? pathname : `${pathname}/`,
        isIp
      };
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/split.js
function split(value, delimiter, limit) {
  if (limit === 1)
    return [value];
  if (value === "")
    return [""];
  let parts = value.split(delimiter);
  return limit === 0 ? parts : parts.slice(0, limit - 1).concat(parts.slice(1).join(delimiter));
}
var init_split = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/split.js"() {
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/stringEquals.js
var stringEquals, init_stringEquals = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/stringEquals.js"() {
    stringEquals = (value1, value2) => value1 === value2;
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/substring.js
var substring, init_substring = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/substring.js"() {
    substring = (input, start, stop, reverse) => input == null || start >= stop || input.length < stop || /[^\u0000-\u007f]/.test(input) ? null : reverse ? input.substring(input.length - stop, input.length - start) : input.substring(start, stop);
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/uriEncode.js
var uriEncode, init_uriEncode = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/uriEncode.js"() {
    uriEncode = (value) => encodeURIComponent(value).replace(/[!*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/index.js
var init_lib = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/index.js"() {
    init_booleanEquals();
    init_coalesce();
    init_getAttr();
    init_isSet();
    init_transport();
    init_ite();
    init_not();
    init_parseURL();
    init_split();
    init_stringEquals();
    init_substring();
    init_uriEncode();
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/endpointFunctions.js
var endpointFunctions, init_endpointFunctions = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/endpointFunctions.js"() {
    init_lib();
    endpointFunctions = {
      booleanEquals,
      coalesce,
      getAttr,
      isSet,
      isValidHostLabel,
      ite,
      not,
      parseURL,
      split,
      stringEquals,
      substring,
      uriEncode
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateTemplate.js
var evaluateTemplate, init_evaluateTemplate = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateTemplate.js"() {
    init_lib();
    evaluateTemplate = (template, options) => {
      let evaluatedTemplateArr = [], { referenceRecord, endpointParams } = options, currentIndex = 0;
      for (; currentIndex < template.length; ) {
        let openingBraceIndex = template.indexOf("{", currentIndex);
        if (openingBraceIndex === -1) {
          evaluatedTemplateArr.push(template.slice(currentIndex));
          break;
        }
        evaluatedTemplateArr.push(template.slice(currentIndex, openingBraceIndex));
        let closingBraceIndex = template.indexOf("}", openingBraceIndex);
        if (closingBraceIndex === -1) {
          evaluatedTemplateArr.push(template.slice(openingBraceIndex));
          break;
        }
        template[openingBraceIndex + 1] === "{" && template[closingBraceIndex + 1] === "}" && (evaluatedTemplateArr.push(template.slice(openingBraceIndex + 1, closingBraceIndex)), currentIndex = closingBraceIndex + 2);
        let parameterName = template.substring(openingBraceIndex + 1, closingBraceIndex);
        if (parameterName.includes("#")) {
          let [refName, attrName] = parameterName.split("#");
          evaluatedTemplateArr.push(getAttr(referenceRecord[refName] ?? endpointParams[refName], attrName));
        } else
          evaluatedTemplateArr.push(referenceRecord[parameterName] ?? endpointParams[parameterName]);
        currentIndex = closingBraceIndex + 1;
      }
      return evaluatedTemplateArr.join("");
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/getReferenceValue.js
var getReferenceValue, init_getReferenceValue = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/getReferenceValue.js"() {
    getReferenceValue = ({ ref }, options) => options.referenceRecord[ref] ?? options.endpointParams[ref];
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateExpression.js
var evaluateExpression, callFunction, group, init_evaluateExpression = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateExpression.js"() {
    init_types2();
    init_customEndpointFunctions();
    init_endpointFunctions();
    init_evaluateTemplate();
    init_getReferenceValue();
    evaluateExpression = (obj, keyName, options) => {
      if (typeof obj == "string")
        return evaluateTemplate(obj, options);
      if (obj.fn)
        return group.callFunction(obj, options);
      if (obj.ref)
        return getReferenceValue(obj, options);
      throw new EndpointError(`'${keyName}': ${String(obj)} is not a string, function or reference.`);
    }, callFunction = ({ fn, argv }, options) => {
      let evaluatedArgs = Array(argv.length);
      for (let i = 0; i < evaluatedArgs.length; ++i) {
        let arg = argv[i];
        typeof arg == "boolean" || typeof arg == "number" ? evaluatedArgs[i] = arg : evaluatedArgs[i] = group.evaluateExpression(arg, "arg", options);
      }
      let namespaceSeparatorIndex = fn.indexOf(".");
      if (namespaceSeparatorIndex !== -1) {
        let customFunction = customEndpointFunctions[fn.slice(0, namespaceSeparatorIndex)]?.[fn.slice(namespaceSeparatorIndex + 1)];
        if (typeof customFunction == "function")
          return customFunction(...evaluatedArgs);
      }
      let callable = endpointFunctions[fn];
      if (typeof callable == "function")
        return callable(...evaluatedArgs);
      throw new Error(`function ${fn} not loaded in endpointFunctions.`);
    }, group = {
      evaluateExpression,
      callFunction
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/callFunction.js
var init_callFunction = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/callFunction.js"() {
    init_evaluateExpression();
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateCondition.js
var evaluateCondition, init_evaluateCondition = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateCondition.js"() {
    init_debug();
    init_types2();
    init_callFunction();
    evaluateCondition = (condition, options) => {
      let { assign } = condition;
      if (assign && assign in options.referenceRecord)
        throw new EndpointError(`'${assign}' is already defined in Reference Record.`);
      let value = callFunction(condition, options);
      options.logger?.debug?.(`${debugId} evaluateCondition: ${toDebugString(condition)} = ${toDebugString(value)}`);
      let result = value === "" ? !0 : !!value;
      return assign != null ? { result, toAssign: { name: assign, value } } : { result };
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/getEndpointHeaders.js
var getEndpointHeaders, init_getEndpointHeaders = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/getEndpointHeaders.js"() {
    init_types2();
    init_evaluateExpression();
    getEndpointHeaders = (headers, options) => Object.entries(headers ?? {}).reduce((acc, [headerKey, headerVal]) => (acc[headerKey] = headerVal.map((headerValEntry) => {
      let processedExpr = evaluateExpression(headerValEntry, "Header value entry", options);
      if (typeof processedExpr != "string")
        throw new EndpointError(`Header '${headerKey}' value '${processedExpr}' is not a string`);
      return processedExpr;
    }), acc), {});
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/getEndpointProperties.js
var getEndpointProperties, getEndpointProperty, group2, init_getEndpointProperties = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/getEndpointProperties.js"() {
    init_types2();
    init_evaluateTemplate();
    getEndpointProperties = (properties, options) => Object.entries(properties).reduce((acc, [propertyKey, propertyVal]) => (acc[propertyKey] = group2.getEndpointProperty(propertyVal, options), acc), {}), getEndpointProperty = (property, options) => {
      if (Array.isArray(property))
        return property.map((propertyEntry) => getEndpointProperty(propertyEntry, options));
      switch (typeof property) {
        case "string":
          return evaluateTemplate(property, options);
        case "object":
          if (property === null)
            throw new EndpointError(`Unexpected endpoint property: ${property}`);
          return group2.getEndpointProperties(property, options);
        case "boolean":
          return property;
        default:
          throw new EndpointError(`Unexpected endpoint property type: ${typeof property}`);
      }
    }, group2 = {
      getEndpointProperty,
      getEndpointProperties
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/getEndpointUrl.js
var getEndpointUrl, init_getEndpointUrl = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/getEndpointUrl.js"() {
    init_types2();
    init_evaluateExpression();
    getEndpointUrl = (endpointUrl, options) => {
      let expression = evaluateExpression(endpointUrl, "Endpoint URL", options);
      if (typeof expression == "string")
        try {
          return new URL(expression);
        } catch (error2) {
          throw console.error(`Failed to construct URL with ${expression}`, error2), error2;
        }
      throw new EndpointError(`Endpoint URL must be a string, got ${typeof expression}`);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/decideEndpoint.js
var RESULT, decideEndpoint, init_decideEndpoint = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/decideEndpoint.js"() {
    init_types2();
    init_evaluateCondition();
    init_evaluateExpression();
    init_getEndpointHeaders();
    init_getEndpointProperties();
    init_getEndpointUrl();
    RESULT = 1e8, decideEndpoint = (bdd, options) => {
      let { nodes, root, results, conditions } = bdd, ref = root, referenceRecord = {}, closure = {
        referenceRecord,
        endpointParams: options.endpointParams,
        logger: options.logger
      };
      for (; ref !== 1 && ref !== -1 && ref < RESULT; ) {
        let node_i = 3 * (Math.abs(ref) - 1), [condition_i, highRef, lowRef] = [nodes[node_i], nodes[node_i + 1], nodes[node_i + 2]], [fn, argv, assign] = conditions[condition_i], evaluation = evaluateCondition({ fn, assign, argv }, closure);
        if (evaluation.toAssign) {
          let { name, value } = evaluation.toAssign;
          referenceRecord[name] = value;
        }
        ref = ref >= 0 === evaluation.result ? highRef : lowRef;
      }
      if (ref >= RESULT) {
        let result = results[ref - RESULT];
        if (result[0] === -1) {
          let [, errorExpression] = result;
          throw new EndpointError(evaluateExpression(errorExpression, "Error", closure));
        }
        let [url, properties, headers] = result;
        return {
          url: getEndpointUrl(url, closure),
          properties: getEndpointProperties(properties, closure),
          headers: getEndpointHeaders(headers ?? {}, closure)
        };
      }
      throw new EndpointError("No matching endpoint.");
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateConditions.js
var evaluateConditions, init_evaluateConditions = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateConditions.js"() {
    init_debug();
    init_evaluateCondition();
    evaluateConditions = (conditions = [], options) => {
      let conditionsReferenceRecord = {}, conditionOptions = {
        ...options,
        referenceRecord: { ...options.referenceRecord }
      }, didAssign = !1;
      for (let condition of conditions) {
        let { result, toAssign } = evaluateCondition(condition, conditionOptions);
        if (!result)
          return { result };
        toAssign && (didAssign = !0, conditionsReferenceRecord[toAssign.name] = toAssign.value, conditionOptions.referenceRecord[toAssign.name] = toAssign.value, options.logger?.debug?.(`${debugId} assign: ${toAssign.name} := ${toDebugString(toAssign.value)}`));
      }
      return didAssign ? { result: !0, referenceRecord: conditionsReferenceRecord } : { result: !0 };
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateEndpointRule.js
var evaluateEndpointRule, init_evaluateEndpointRule = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateEndpointRule.js"() {
    init_debug();
    init_evaluateConditions();
    init_getEndpointHeaders();
    init_getEndpointProperties();
    init_getEndpointUrl();
    evaluateEndpointRule = (endpointRule, options) => {
      let { conditions, endpoint } = endpointRule, { result, referenceRecord } = evaluateConditions(conditions, options);
      if (!result)
        return;
      let endpointRuleOptions = referenceRecord ? {
        ...options,
        referenceRecord: { ...options.referenceRecord, ...referenceRecord }
      } : options, { url, properties, headers } = endpoint;
      options.logger?.debug?.(`${debugId} Resolving endpoint from template: ${toDebugString(endpoint)}`);
      let endpointToReturn = { url: getEndpointUrl(url, endpointRuleOptions) };
      return headers != null && (endpointToReturn.headers = getEndpointHeaders(headers, endpointRuleOptions)), properties != null && (endpointToReturn.properties = getEndpointProperties(properties, endpointRuleOptions)), endpointToReturn;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateErrorRule.js
var evaluateErrorRule, init_evaluateErrorRule = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateErrorRule.js"() {
    init_types2();
    init_evaluateConditions();
    init_evaluateExpression();
    evaluateErrorRule = (errorRule, options) => {
      let { conditions, error: error2 } = errorRule, { result, referenceRecord } = evaluateConditions(conditions, options);
      if (!result)
        return;
      let errorRuleOptions = referenceRecord ? {
        ...options,
        referenceRecord: { ...options.referenceRecord, ...referenceRecord }
      } : options;
      throw new EndpointError(evaluateExpression(error2, "Error", errorRuleOptions));
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateRules.js
var evaluateRules, evaluateTreeRule, group3, init_evaluateRules = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateRules.js"() {
    init_types2();
    init_evaluateConditions();
    init_evaluateEndpointRule();
    init_evaluateErrorRule();
    evaluateRules = (rules, options) => {
      for (let rule of rules)
        if (rule.type === "endpoint") {
          let endpointOrUndefined = evaluateEndpointRule(rule, options);
          if (endpointOrUndefined)
            return endpointOrUndefined;
        } else if (rule.type === "error")
          evaluateErrorRule(rule, options);
        else if (rule.type === "tree") {
          let endpointOrUndefined = group3.evaluateTreeRule(rule, options);
          if (endpointOrUndefined)
            return endpointOrUndefined;
        } else
          throw new EndpointError(`Unknown endpoint rule: ${rule}`);
      throw new EndpointError("Rules evaluation failed");
    }, evaluateTreeRule = (treeRule, options) => {
      let { conditions, rules } = treeRule, { result, referenceRecord } = evaluateConditions(conditions, options);
      if (!result)
        return;
      let treeRuleOptions = referenceRecord ? { ...options, referenceRecord: { ...options.referenceRecord, ...referenceRecord } } : options;
      return group3.evaluateRules(rules, treeRuleOptions);
    }, group3 = {
      evaluateRules,
      evaluateTreeRule
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/index.js
var init_utils = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/index.js"() {
    init_evaluateRules();
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/resolveEndpoint.js
var resolveEndpoint, init_resolveEndpoint = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/resolveEndpoint.js"() {
    init_transport();
    init_debug();
    init_types2();
    init_utils();
    resolveEndpoint = (ruleSetObject, options) => {
      let { endpointParams, logger: logger2 } = options, { parameters, rules } = ruleSetObject;
      options.logger?.debug?.(`${debugId} Initial EndpointParams: ${toDebugString(endpointParams)}`);
      for (let paramKey in parameters) {
        if (!hasOwn(parameters, paramKey))
          continue;
        let parameter = parameters[paramKey], endpointParam = endpointParams[paramKey];
        if (endpointParam == null && parameter.default != null) {
          endpointParams[paramKey] = parameter.default;
          continue;
        }
        if (parameter.required && endpointParam == null)
          throw new EndpointError(`Missing required parameter: '${paramKey}'`);
      }
      let endpoint = evaluateRules(rules, { endpointParams, logger: logger2, referenceRecord: {} });
      return options.logger?.debug?.(`${debugId} Resolved endpoint: ${toDebugString(endpoint)}`), endpoint;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/resolveEndpointRequiredConfig.js
var resolveEndpointRequiredConfig, init_resolveEndpointRequiredConfig = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/resolveEndpointRequiredConfig.js"() {
    resolveEndpointRequiredConfig = (input) => {
      let { endpoint } = input;
      return endpoint === void 0 && (input.endpoint = async () => {
        throw new Error("@smithy/middleware-endpoint: (default endpointRuleSet) endpoint is not set - you must configure an endpoint.");
      }), input;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/endpoints/index.js
var endpoints_exports = {};
__export(endpoints_exports, {
  BinaryDecisionDiagram: () => BinaryDecisionDiagram,
  EndpointCache: () => EndpointCache,
  EndpointError: () => EndpointError,
  customEndpointFunctions: () => customEndpointFunctions,
  decideEndpoint: () => decideEndpoint,
  endpointMiddleware: () => endpointMiddleware,
  endpointMiddlewareOptions: () => endpointMiddlewareOptions,
  getEndpointFromInstructions: () => getEndpointFromInstructions,
  getEndpointPlugin: () => getEndpointPlugin,
  isIpAddress: () => isIpAddress,
  isValidHostLabel: () => isValidHostLabel,
  middlewareEndpointToEndpointV1: () => toEndpointV1,
  resolveEndpoint: () => resolveEndpoint,
  resolveEndpointConfig: () => resolveEndpointConfig,
  resolveEndpointRequiredConfig: () => resolveEndpointRequiredConfig,
  resolveParams: () => resolveParams,
  toEndpointV1: () => toEndpointV1
});
var getEndpointFromInstructions, resolveEndpointConfig, endpointMiddleware, getEndpointPlugin, init_endpoints = __esm({
  "node_modules/@smithy/core/dist-es/submodules/endpoints/index.js"() {
    init_getEndpointFromConfig();
    init_getEndpointFromInstructions();
    init_endpointMiddleware();
    init_getEndpointPlugin();
    init_resolveEndpointConfig();
    init_transport();
    init_BinaryDecisionDiagram();
    init_EndpointCache();
    init_decideEndpoint();
    init_isIpAddress();
    init_transport();
    init_customEndpointFunctions();
    init_resolveEndpoint();
    init_types2();
    init_getEndpointFromInstructions();
    init_toEndpointV12();
    init_getEndpointPlugin();
    init_resolveEndpointRequiredConfig();
    getEndpointFromInstructions = bindGetEndpointFromInstructions(getEndpointFromConfig), resolveEndpointConfig = bindResolveEndpointConfig(getEndpointFromConfig), endpointMiddleware = bindEndpointMiddleware(getEndpointFromConfig), getEndpointPlugin = bindGetEndpointPlugin(getEndpointFromConfig);
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/is-array-buffer/is-array-buffer.js
var isArrayBuffer, init_is_array_buffer = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/is-array-buffer/is-array-buffer.js"() {
    isArrayBuffer = (arg) => typeof ArrayBuffer == "function" && arg instanceof ArrayBuffer || Object.prototype.toString.call(arg) === "[object ArrayBuffer]";
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-buffer-from/buffer-from.js
var fromArrayBuffer, fromString, init_buffer_from = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-buffer-from/buffer-from.js"() {
    init_is_array_buffer();
    fromArrayBuffer = (input, offset = 0, length = input.byteLength - offset) => {
      if (!isArrayBuffer(input))
        throw new TypeError(`The "input" argument must be ArrayBuffer. Received type ${typeof input} (${input})`);
      return Buffer.from(input, offset, length);
    }, fromString = (input, encoding) => {
      if (typeof input != "string")
        throw new TypeError(`The "input" argument must be of type string. Received type ${typeof input} (${input})`);
      return encoding ? Buffer.from(input, encoding) : Buffer.from(input);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-base64/fromBase64.js
var BASE64_REGEX, fromBase64, init_fromBase64 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-base64/fromBase64.js"() {
    init_buffer_from();
    BASE64_REGEX = /^[A-Za-z0-9+/]*={0,2}$/, fromBase64 = (input) => {
      if (input.length * 3 % 4 !== 0)
        throw new TypeError("Incorrect padding on base64 string.");
      if (!BASE64_REGEX.exec(input))
        throw new TypeError("Invalid base64 string.");
      let buffer = fromString(input, "base64");
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/fromUtf8.js
var fromUtf8, init_fromUtf8 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/fromUtf8.js"() {
    init_buffer_from();
    fromUtf8 = (input) => {
      let buf = fromString(input, "utf8");
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength / Uint8Array.BYTES_PER_ELEMENT);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-base64/toBase64.js
var toBase64, init_toBase64 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-base64/toBase64.js"() {
    init_buffer_from();
    init_fromUtf8();
    toBase64 = (_input) => {
      let input;
      if (typeof _input == "string" ? input = fromUtf8(_input) : input = _input, typeof input != "object" || typeof input.byteOffset != "number" || typeof input.byteLength != "number")
        throw new Error("@smithy/util-base64: toBase64 encoder function only accepts string | Uint8Array.");
      return fromArrayBuffer(input.buffer, input.byteOffset, input.byteLength).toString("base64");
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/blob/Uint8ArrayBlobAdapter.js
function bindUint8ArrayBlobAdapter(toUtf83, fromUtf83, toBase643, fromBase642) {
  return class Uint8ArrayBlobAdapter2 extends Uint8Array {
    static fromString(source, encoding = "utf-8") {
      if (typeof source == "string")
        return encoding === "base64" ? Uint8ArrayBlobAdapter2.mutate(fromBase642(source)) : Uint8ArrayBlobAdapter2.mutate(fromUtf83(source));
      throw new Error(`Unsupported conversion from ${typeof source} to Uint8ArrayBlobAdapter.`);
    }
    static mutate(source) {
      return Object.setPrototypeOf(source, Uint8ArrayBlobAdapter2.prototype), source;
    }
    transformToString(encoding = "utf-8") {
      return encoding === "base64" ? toBase643(this) : toUtf83(this);
    }
  };
}
var init_Uint8ArrayBlobAdapter = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/blob/Uint8ArrayBlobAdapter.js"() {
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/toUtf8.js
var toUtf8, init_toUtf8 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/toUtf8.js"() {
    init_buffer_from();
    toUtf8 = (input) => {
      if (typeof input == "string")
        return input;
      if (typeof input != "object" || typeof input.byteOffset != "number" || typeof input.byteLength != "number")
        throw new Error("@smithy/util-utf8: toUtf8 encoder function only accepts string | Uint8Array.");
      return fromArrayBuffer(input.buffer, input.byteOffset, input.byteLength).toString("utf8");
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/uuid/v4.js
function bindV4(getRandomValues2) {
  return typeof crypto < "u" && typeof crypto.randomUUID == "function" ? () => crypto.randomUUID() : () => {
    let rnds = new Uint8Array(16);
    return getRandomValues2(rnds), rnds[6] = rnds[6] & 15 | 64, rnds[8] = rnds[8] & 63 | 128, decimalToHex[rnds[0]] + decimalToHex[rnds[1]] + decimalToHex[rnds[2]] + decimalToHex[rnds[3]] + "-" + decimalToHex[rnds[4]] + decimalToHex[rnds[5]] + "-" + decimalToHex[rnds[6]] + decimalToHex[rnds[7]] + "-" + decimalToHex[rnds[8]] + decimalToHex[rnds[9]] + "-" + decimalToHex[rnds[10]] + decimalToHex[rnds[11]] + decimalToHex[rnds[12]] + decimalToHex[rnds[13]] + decimalToHex[rnds[14]] + decimalToHex[rnds[15]];
  };
}
var decimalToHex, init_v4 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/uuid/v4.js"() {
    decimalToHex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/copyDocumentWithTransform.js
var copyDocumentWithTransform, init_copyDocumentWithTransform = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/copyDocumentWithTransform.js"() {
    copyDocumentWithTransform = (source, _schemaRef, _transform = (_) => _) => source;
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/parse-utils.js
var parseBoolean, expectBoolean, expectNumber, MAX_FLOAT, expectFloat32, expectLong, expectInt, expectInt32, expectShort, expectByte, expectSizedInt, castInt, expectNonNull, expectObject, expectString, expectUnion, strictParseDouble, strictParseFloat, strictParseFloat32, NUMBER_REGEX, parseNumber, limitedParseDouble, handleFloat, limitedParseFloat, limitedParseFloat32, parseFloatString, strictParseLong, strictParseInt, strictParseInt32, strictParseShort, strictParseByte, stackTraceWarning, logger, init_parse_utils = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/parse-utils.js"() {
    init_transport();
    parseBoolean = (value) => {
      switch (value) {
        case "true":
          return !0;
        case "false":
          return !1;
        default:
          throw new Error(`Unable to parse boolean value "${value}"`);
      }
    }, expectBoolean = (value) => {
      if (value != null) {
        if (typeof value == "number") {
          if ((value === 0 || value === 1) && logger.warn(stackTraceWarning(`Expected boolean, got ${typeof value}: ${value}`)), value === 0)
            return !1;
          if (value === 1)
            return !0;
        }
        if (typeof value == "string") {
          let lower = value.toLowerCase();
          if ((lower === "false" || lower === "true") && logger.warn(stackTraceWarning(`Expected boolean, got ${typeof value}: ${value}`)), lower === "false")
            return !1;
          if (lower === "true")
            return !0;
        }
        if (typeof value == "boolean")
          return value;
        throw new TypeError(`Expected boolean, got ${typeof value}: ${value}`);
      }
    }, expectNumber = (value) => {
      if (value != null) {
        if (typeof value == "string") {
          let parsed = parseFloat(value);
          if (!Number.isNaN(parsed))
            return String(parsed) !== String(value) && logger.warn(stackTraceWarning(`Expected number but observed string: ${value}`)), parsed;
        }
        if (typeof value == "number")
          return value;
        throw new TypeError(`Expected number, got ${typeof value}: ${value}`);
      }
    }, MAX_FLOAT = Math.ceil(2 ** 127 * (2 - 2 ** -23)), expectFloat32 = (value) => {
      let expected = expectNumber(value);
      if (expected !== void 0 && !Number.isNaN(expected) && expected !== 1 / 0 && expected !== -1 / 0 && Math.abs(expected) > MAX_FLOAT)
        throw new TypeError(`Expected 32-bit float, got ${value}`);
      return expected;
    }, expectLong = (value) => {
      if (value != null) {
        if (Number.isInteger(value) && !Number.isNaN(value))
          return value;
        throw new TypeError(`Expected integer, got ${typeof value}: ${value}`);
      }
    }, expectInt = expectLong, expectInt32 = (value) => expectSizedInt(value, 32), expectShort = (value) => expectSizedInt(value, 16), expectByte = (value) => expectSizedInt(value, 8), expectSizedInt = (value, size) => {
      let expected = expectLong(value);
      if (expected !== void 0 && castInt(expected, size) !== expected)
        throw new TypeError(`Expected ${size}-bit integer, got ${value}`);
      return expected;
    }, castInt = (value, size) => {
      switch (size) {
        case 32:
          return Int32Array.of(value)[0];
        case 16:
          return Int16Array.of(value)[0];
        case 8:
          return Int8Array.of(value)[0];
      }
    }, expectNonNull = (value, location) => {
      if (value == null)
        throw location ? new TypeError(`Expected a non-null value for ${location}`) : new TypeError("Expected a non-null value");
      return value;
    }, expectObject = (value) => {
      if (value == null)
        return;
      if (typeof value == "object" && !Array.isArray(value))
        return value;
      let receivedType = Array.isArray(value) ? "array" : typeof value;
      throw new TypeError(`Expected object, got ${receivedType}: ${value}`);
    }, expectString = (value) => {
      if (value != null) {
        if (typeof value == "string")
          return value;
        if (["boolean", "number", "bigint"].includes(typeof value))
          return logger.warn(stackTraceWarning(`Expected string, got ${typeof value}: ${value}`)), String(value);
        throw new TypeError(`Expected string, got ${typeof value}: ${value}`);
      }
    }, expectUnion = (value) => {
      if (value == null)
        return;
      let asObject = expectObject(value), setKeys = [];
      for (let k in asObject)
        hasOwn(asObject, k) && asObject[k] != null && setKeys.push(k);
      if (setKeys.length === 0)
        throw new TypeError("Unions must have exactly one non-null member. None were found.");
      if (setKeys.length > 1)
        throw new TypeError(`Unions must have exactly one non-null member. Keys ${setKeys} were not null.`);
      return asObject;
    }, strictParseDouble = (value) => expectNumber(typeof value == "string" ? parseNumber(value) : value), strictParseFloat = strictParseDouble, strictParseFloat32 = (value) => expectFloat32(typeof value == "string" ? parseNumber(value) : value), NUMBER_REGEX = /(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)|(-?Infinity)|(NaN)/g, parseNumber = (value) => {
      let matches = value.match(NUMBER_REGEX);
      if (matches === null || matches[0].length !== value.length)
        throw new TypeError("Expected real number, got implicit NaN");
      return parseFloat(value);
    }, limitedParseDouble = (value) => typeof value == "string" ? parseFloatString(value) : expectNumber(value), handleFloat = limitedParseDouble, limitedParseFloat = limitedParseDouble, limitedParseFloat32 = (value) => typeof value == "string" ? parseFloatString(value) : expectFloat32(value), parseFloatString = (value) => {
      switch (value) {
        case "NaN":
          return NaN;
        case "Infinity":
          return 1 / 0;
        case "-Infinity":
          return -1 / 0;
        default:
          throw new Error(`Unable to parse float value: ${value}`);
      }
    }, strictParseLong = (value) => expectLong(typeof value == "string" ? parseNumber(value) : value), strictParseInt = strictParseLong, strictParseInt32 = (value) => expectInt32(typeof value == "string" ? parseNumber(value) : value), strictParseShort = (value) => expectShort(typeof value == "string" ? parseNumber(value) : value), strictParseByte = (value) => expectByte(typeof value == "string" ? parseNumber(value) : value), stackTraceWarning = (message) => String(new TypeError(message).stack || message).split(`
`).slice(0, 5).filter((s) => !s.includes("stackTraceWarning")).join(`
`), logger = {
      warn: console.warn
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/date-utils.js
function dateToUtcString(date2) {
  let year2 = date2.getUTCFullYear(), month = date2.getUTCMonth(), dayOfWeek = date2.getUTCDay(), dayOfMonthInt = date2.getUTCDate(), hoursInt = date2.getUTCHours(), minutesInt = date2.getUTCMinutes(), secondsInt = date2.getUTCSeconds(), dayOfMonthString = dayOfMonthInt < 10 ? `0${dayOfMonthInt}` : `${dayOfMonthInt}`, hoursString = hoursInt < 10 ? `0${hoursInt}` : `${hoursInt}`, minutesString = minutesInt < 10 ? `0${minutesInt}` : `${minutesInt}`, secondsString = secondsInt < 10 ? `0${secondsInt}` : `${secondsInt}`;
  return `${DAYS[dayOfWeek]}, ${dayOfMonthString} ${MONTHS[month]} ${year2} ${hoursString}:${minutesString}:${secondsString} GMT`;
}
var DAYS, MONTHS, RFC3339, parseRfc3339DateTime, RFC3339_WITH_OFFSET, parseRfc3339DateTimeWithOffset, IMF_FIXDATE, RFC_850_DATE, ASC_TIME, parseRfc7231DateTime, parseEpochTimestamp, buildDate, parseTwoDigitYear, FIFTY_YEARS_IN_MILLIS, adjustRfc850Year, parseMonthByShortName, DAYS_IN_MONTH, validateDayOfMonth, isLeapYear, parseDateValue, parseMilliseconds, parseOffsetToMilliseconds, stripLeadingZeroes, init_date_utils = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/date-utils.js"() {
    init_parse_utils();
    DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"], MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    RFC3339 = new RegExp(/^(\d{4})-(\d{2})-(\d{2})[tT](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?[zZ]$/), parseRfc3339DateTime = (value) => {
      if (value == null)
        return;
      if (typeof value != "string")
        throw new TypeError("RFC-3339 date-times must be expressed as strings");
      let match = RFC3339.exec(value);
      if (!match)
        throw new TypeError("Invalid RFC-3339 date-time value");
      let [_, yearStr, monthStr, dayStr, hours, minutes, seconds, fractionalMilliseconds] = match, year2 = strictParseShort(stripLeadingZeroes(yearStr)), month = parseDateValue(monthStr, "month", 1, 12), day = parseDateValue(dayStr, "day", 1, 31);
      return buildDate(year2, month, day, { hours, minutes, seconds, fractionalMilliseconds });
    }, RFC3339_WITH_OFFSET = new RegExp(/^(\d{4})-(\d{2})-(\d{2})[tT](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(([-+]\d{2}:\d{2})|[zZ])$/), parseRfc3339DateTimeWithOffset = (value) => {
      if (value == null)
        return;
      if (typeof value != "string")
        throw new TypeError("RFC-3339 date-times must be expressed as strings");
      let match = RFC3339_WITH_OFFSET.exec(value);
      if (!match)
        throw new TypeError("Invalid RFC-3339 date-time value");
      let [_, yearStr, monthStr, dayStr, hours, minutes, seconds, fractionalMilliseconds, offsetStr] = match, year2 = strictParseShort(stripLeadingZeroes(yearStr)), month = parseDateValue(monthStr, "month", 1, 12), day = parseDateValue(dayStr, "day", 1, 31), date2 = buildDate(year2, month, day, { hours, minutes, seconds, fractionalMilliseconds });
      return offsetStr.toUpperCase() != "Z" && date2.setTime(date2.getTime() - parseOffsetToMilliseconds(offsetStr)), date2;
    }, IMF_FIXDATE = new RegExp(/^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))? GMT$/), RFC_850_DATE = new RegExp(/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{2})-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(\d{2}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))? GMT$/), ASC_TIME = new RegExp(/^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ( [1-9]|\d{2}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))? (\d{4})$/), parseRfc7231DateTime = (value) => {
      if (value == null)
        return;
      if (typeof value != "string")
        throw new TypeError("RFC-7231 date-times must be expressed as strings");
      let match = IMF_FIXDATE.exec(value);
      if (match) {
        let [_, dayStr, monthStr, yearStr, hours, minutes, seconds, fractionalMilliseconds] = match;
        return buildDate(strictParseShort(stripLeadingZeroes(yearStr)), parseMonthByShortName(monthStr), parseDateValue(dayStr, "day", 1, 31), { hours, minutes, seconds, fractionalMilliseconds });
      }
      if (match = RFC_850_DATE.exec(value), match) {
        let [_, dayStr, monthStr, yearStr, hours, minutes, seconds, fractionalMilliseconds] = match;
        return adjustRfc850Year(buildDate(parseTwoDigitYear(yearStr), parseMonthByShortName(monthStr), parseDateValue(dayStr, "day", 1, 31), {
          hours,
          minutes,
          seconds,
          fractionalMilliseconds
        }));
      }
      if (match = ASC_TIME.exec(value), match) {
        let [_, monthStr, dayStr, hours, minutes, seconds, fractionalMilliseconds, yearStr] = match;
        return buildDate(strictParseShort(stripLeadingZeroes(yearStr)), parseMonthByShortName(monthStr), parseDateValue(dayStr.trimLeft(), "day", 1, 31), { hours, minutes, seconds, fractionalMilliseconds });
      }
      throw new TypeError("Invalid RFC-7231 date-time value");
    }, parseEpochTimestamp = (value) => {
      if (value == null)
        return;
      let valueAsDouble;
      if (typeof value == "number")
        valueAsDouble = value;
      else if (typeof value == "string")
        valueAsDouble = strictParseDouble(value);
      else if (typeof value == "object" && value.tag === 1)
        valueAsDouble = value.value;
      else
        throw new TypeError("Epoch timestamps must be expressed as floating point numbers or their string representation");
      if (Number.isNaN(valueAsDouble) || valueAsDouble === 1 / 0 || valueAsDouble === -1 / 0)
        throw new TypeError("Epoch timestamps must be valid, non-Infinite, non-NaN numerics");
      return new Date(Math.round(valueAsDouble * 1e3));
    }, buildDate = (year2, month, day, time2) => {
      let adjustedMonth = month - 1;
      return validateDayOfMonth(year2, adjustedMonth, day), new Date(Date.UTC(year2, adjustedMonth, day, parseDateValue(time2.hours, "hour", 0, 23), parseDateValue(time2.minutes, "minute", 0, 59), parseDateValue(time2.seconds, "seconds", 0, 60), parseMilliseconds(time2.fractionalMilliseconds)));
    }, parseTwoDigitYear = (value) => {
      let thisYear = (/* @__PURE__ */ new Date()).getUTCFullYear(), valueInThisCentury = Math.floor(thisYear / 100) * 100 + strictParseShort(stripLeadingZeroes(value));
      return valueInThisCentury < thisYear ? valueInThisCentury + 100 : valueInThisCentury;
    }, FIFTY_YEARS_IN_MILLIS = 50 * 365 * 24 * 60 * 60 * 1e3, adjustRfc850Year = (input) => input.getTime() - (/* @__PURE__ */ new Date()).getTime() > FIFTY_YEARS_IN_MILLIS ? new Date(Date.UTC(input.getUTCFullYear() - 100, input.getUTCMonth(), input.getUTCDate(), input.getUTCHours(), input.getUTCMinutes(), input.getUTCSeconds(), input.getUTCMilliseconds())) : input, parseMonthByShortName = (value) => {
      let monthIdx = MONTHS.indexOf(value);
      if (monthIdx < 0)
        throw new TypeError(`Invalid month: ${value}`);
      return monthIdx + 1;
    }, DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], validateDayOfMonth = (year2, month, day) => {
      let maxDays = DAYS_IN_MONTH[month];
      if (month === 1 && isLeapYear(year2) && (maxDays = 29), day > maxDays)
        throw new TypeError(`Invalid day for ${MONTHS[month]} in ${year2}: ${day}`);
    }, isLeapYear = (year2) => year2 % 4 === 0 && (year2 % 100 !== 0 || year2 % 400 === 0), parseDateValue = (value, type, lower, upper) => {
      let dateVal = strictParseByte(stripLeadingZeroes(value));
      if (dateVal < lower || dateVal > upper)
        throw new TypeError(`${type} must be between ${lower} and ${upper}, inclusive`);
      return dateVal;
    }, parseMilliseconds = (value) => value == null ? 0 : strictParseFloat32("0." + value) * 1e3, parseOffsetToMilliseconds = (value) => {
      let directionStr = value[0], direction = 1;
      if (directionStr == "+")
        direction = 1;
      else if (directionStr == "-")
        direction = -1;
      else
        throw new TypeError(`Offset direction, ${directionStr}, must be "+" or "-"`);
      let hour = Number(value.substring(1, 3)), minute = Number(value.substring(4, 6));
      return direction * (hour * 60 + minute) * 60 * 1e3;
    }, stripLeadingZeroes = (value) => {
      let idx = 0;
      for (; idx < value.length - 1 && value.charAt(idx) === "0"; )
        idx++;
      return idx === 0 ? value : value.slice(idx);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/lazy-json.js
var LazyJsonString, init_lazy_json = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/lazy-json.js"() {
    LazyJsonString = function(val) {
      return Object.assign(new String(val), {
        deserializeJSON() {
          return JSON.parse(String(val));
        },
        toString() {
          return String(val);
        },
        toJSON() {
          return String(val);
        }
      });
    };
    LazyJsonString.from = (object) => object && typeof object == "object" && (object instanceof LazyJsonString || "deserializeJSON" in object) ? object : typeof object == "string" || Object.getPrototypeOf(object) === String.prototype ? LazyJsonString(String(object)) : LazyJsonString(JSON.stringify(object));
    LazyJsonString.fromObject = LazyJsonString.from;
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/quote-header.js
function quoteHeader(part) {
  return (part.includes(",") || part.includes('"')) && (part = `"${part.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`), part;
}
var init_quote_header = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/quote-header.js"() {
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/schema-serde-lib/schema-date-utils.js
function range(v, min, max) {
  let _v = Number(v);
  if (_v < min || _v > max)
    throw new Error(`Value ${_v} out of range [${min}, ${max}]`);
}
var ddd, mmm, time, date, year, RFC3339_WITH_OFFSET2, IMF_FIXDATE_NATIVE, IMF_FIXDATE2, RFC_850_DATE2, ASC_TIME2, months, _parseEpochTimestamp, _parseRfc3339DateTimeWithOffset, _parseRfc7231DateTime, init_schema_date_utils = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/schema-serde-lib/schema-date-utils.js"() {
    ddd = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:[ne|u?r]?s?day)?", mmm = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", time = "(\\d?\\d):(\\d{2}):(\\d{2})(?:\\.(\\d+))?", date = "(\\d?\\d)", year = "(\\d{4})", RFC3339_WITH_OFFSET2 = new RegExp(/^(\d{4})-(\d\d)-(\d\d)[tT](\d\d):(\d\d):(\d\d)(\.(\d+))?(([-+]\d\d:\d\d)|[zZ])$/), IMF_FIXDATE_NATIVE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?:0[1-9]|[12]\d|3[01]) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [1-9]\d{3} (?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d GMT$/, IMF_FIXDATE2 = new RegExp(`^${ddd}, ${date} ${mmm} ${year} ${time} GMT$`), RFC_850_DATE2 = new RegExp(`^${ddd}, ${date}-${mmm}-(\\d\\d) ${time} GMT$`), ASC_TIME2 = new RegExp(`^${ddd} ${mmm} ( [1-9]|\\d\\d) ${time} ${year}$`), months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], _parseEpochTimestamp = (value) => {
      if (value == null)
        return;
      let num = NaN;
      if (typeof value == "number")
        num = value;
      else if (typeof value == "string") {
        if (!/^-?\d*\.?\d+$/.test(value))
          throw new TypeError("parseEpochTimestamp - numeric string invalid.");
        num = Number.parseFloat(value);
      } else typeof value == "object" && value.tag === 1 && (num = value.value);
      if (isNaN(num) || Math.abs(num) === 1 / 0)
        throw new TypeError("Epoch timestamps must be valid finite numbers.");
      return new Date(Math.round(num * 1e3));
    }, _parseRfc3339DateTimeWithOffset = (value) => {
      if (value == null)
        return;
      if (typeof value != "string")
        throw new TypeError("RFC3339 timestamps must be strings");
      let matches = RFC3339_WITH_OFFSET2.exec(value);
      if (!matches)
        throw new TypeError(`Invalid RFC3339 timestamp format ${value}`);
      let [, yearStr, monthStr, dayStr, hours, minutes, seconds, , ms, offsetStr] = matches;
      range(monthStr, 1, 12), range(dayStr, 1, 31), range(hours, 0, 23), range(minutes, 0, 59), range(seconds, 0, 60);
      let date2 = new Date(Date.UTC(Number(yearStr), Number(monthStr) - 1, Number(dayStr), Number(hours), Number(minutes), Number(seconds), Number(ms) ? Math.round(parseFloat(`0.${ms}`) * 1e3) : 0));
      if (date2.setUTCFullYear(Number(yearStr)), offsetStr.toUpperCase() != "Z") {
        let [, sign2, offsetH, offsetM] = /([+-])(\d\d):(\d\d)/.exec(offsetStr) || [void 0, "+", 0, 0], scalar = sign2 === "-" ? 1 : -1;
        date2.setTime(date2.getTime() + scalar * (Number(offsetH) * 60 * 60 * 1e3 + Number(offsetM) * 60 * 1e3));
      }
      return date2;
    }, _parseRfc7231DateTime = (value) => {
      if (value == null)
        return;
      if (typeof value != "string")
        throw new TypeError("RFC7231 timestamps must be strings.");
      if (IMF_FIXDATE_NATIVE.test(value))
        return new Date(value);
      let day, month, year2, hour, minute, second, fraction, matches;
      if ((matches = IMF_FIXDATE2.exec(value)) ? [, day, month, year2, hour, minute, second, fraction] = matches : (matches = RFC_850_DATE2.exec(value)) ? ([, day, month, year2, hour, minute, second, fraction] = matches, year2 = (Number(year2) + 1900).toString()) : (matches = ASC_TIME2.exec(value)) && ([, month, day, hour, minute, second, fraction, year2] = matches), year2 && second) {
        let timestamp = Date.UTC(Number(year2), months.indexOf(month), Number(day), Number(hour), Number(minute), Number(second), fraction ? Math.round(parseFloat(`0.${fraction}`) * 1e3) : 0);
        range(day, 1, 31), range(hour, 0, 23), range(minute, 0, 59), range(second, 0, 60);
        let date2 = new Date(timestamp);
        return date2.setUTCFullYear(Number(year2)), date2;
      }
      throw new TypeError(`Invalid RFC7231 date-time value ${value}.`);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/split-every.js
function splitEvery(value, delimiter, numDelimiters) {
  if (numDelimiters <= 0 || !Number.isInteger(numDelimiters))
    throw new Error("Invalid number of delimiters (" + numDelimiters + ") for splitEvery.");
  let segments = value.split(delimiter);
  if (numDelimiters === 1)
    return segments;
  let compoundSegments = [], currentSegment = "";
  for (let i = 0; i < segments.length; i++)
    currentSegment === "" ? currentSegment = segments[i] : currentSegment += delimiter + segments[i], (i + 1) % numDelimiters === 0 && (compoundSegments.push(currentSegment), currentSegment = "");
  return currentSegment !== "" && compoundSegments.push(currentSegment), compoundSegments;
}
var init_split_every = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/split-every.js"() {
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/split-header.js
var splitHeader, init_split_header = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/split-header.js"() {
    splitHeader = (value) => {
      let z = value.length, values = [], withinQuotes = !1, escaped = !1, anchor = 0;
      for (let i = 0; i < z; ++i) {
        let char = value[i];
        switch (char) {
          case '"':
            escaped || (withinQuotes = !withinQuotes);
            break;
          case ",":
            withinQuotes || (values.push(value.slice(anchor, i)), anchor = i + 1);
            break;
          default:
        }
        escaped = char === "\\" && !escaped;
      }
      return values.push(value.slice(anchor)), values.map((v) => {
        v = v.trim();
        let z2 = v.length;
        return z2 < 2 ? v : v[0] === '"' && v[z2 - 1] === '"' ? (v = v.slice(1, z2 - 1), v.replace(/\\(["\\])/g, "$1")) : v.replace(/\\"/g, '"');
      });
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/value/NumericValue.js
function nv(input) {
  return new NumericValue(String(input), "bigDecimal");
}
var format, NumericValue, init_NumericValue = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/value/NumericValue.js"() {
    format = /^-?((0|[1-9]\d*)(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/, NumericValue = class _NumericValue {
      string;
      type;
      constructor(string, type) {
        if (this.string = string, this.type = type, !format.test(string))
          throw new Error(`@smithy/core/serde - NumericValue string must conform to the Smithy bigDecimal format. Received: "${string}"`);
      }
      toString() {
        return this.string;
      }
      static [Symbol.hasInstance](object) {
        if (!object || typeof object != "object")
          return !1;
        let _nv = object;
        return _NumericValue.prototype.isPrototypeOf(object) || _nv.type === "bigDecimal" && format.test(_nv.string);
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-hex-encoding/hex-encoding.js
function fromHex(encoded) {
  if (encoded.length % 2 !== 0)
    throw new Error("Hex encoded strings must have an even number length");
  let out = new Uint8Array(encoded.length / 2);
  for (let i = 0; i < encoded.length; i += 2) {
    let encodedByte = encoded.slice(i, i + 2).toLowerCase();
    if (encodedByte in HEX_TO_SHORT)
      out[i / 2] = HEX_TO_SHORT[encodedByte];
    else
      throw new Error(`Cannot decode unrecognized sequence ${encodedByte} as hexadecimal`);
  }
  return out;
}
function toHex(bytes) {
  let out = "";
  for (let i = 0; i < bytes.byteLength; i++)
    out += SHORT_TO_HEX[bytes[i]];
  return out;
}
var SHORT_TO_HEX, HEX_TO_SHORT, init_hex_encoding = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-hex-encoding/hex-encoding.js"() {
    SHORT_TO_HEX = {}, HEX_TO_SHORT = {};
    for (let i = 0; i < 256; i++) {
      let encodedByte = i.toString(16).toLowerCase();
      encodedByte.length === 1 && (encodedByte = `0${encodedByte}`), SHORT_TO_HEX[i] = encodedByte, HEX_TO_SHORT[encodedByte] = i;
    }
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-body-length/calculateBodyLength.js
import { ReadStream, fstatSync, lstatSync } from "node:fs";
var calculateBodyLength, init_calculateBodyLength = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-body-length/calculateBodyLength.js"() {
    calculateBodyLength = (body) => {
      if (!body)
        return 0;
      if (typeof body == "string")
        return Buffer.byteLength(body);
      if (typeof body.byteLength == "number")
        return body.byteLength;
      if (typeof body.size == "number")
        return body.size;
      if (typeof body.start == "number" && typeof body.end == "number")
        return body.end + 1 - body.start;
      if (body instanceof ReadStream) {
        if (body.path != null)
          return lstatSync(body.path).size;
        if (typeof body.fd == "number")
          return fstatSync(body.fd).size;
      }
      throw new Error(`Body Length computation failed for ${body}`);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/toUint8Array.js
var toUint8Array, init_toUint8Array = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/toUint8Array.js"() {
    init_fromUtf8();
    toUint8Array = (data) => data instanceof Uint8Array ? data : typeof data == "string" ? fromUtf8(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength / Uint8Array.BYTES_PER_ELEMENT) : new Uint8Array(data);
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/concatBytes.js
function concatBytes(arrays, length) {
  if (length === void 0) {
    length = 0;
    for (let bytes of arrays)
      length += bytes.byteLength;
  }
  let result = new Uint8Array(length), offset = 0;
  for (let buf of arrays)
    result.set(buf, offset), offset += buf.byteLength;
  return result;
}
var init_concatBytes = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/concatBytes.js"() {
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/middleware-serde/deserializerMiddleware.js
var deserializerMiddleware, findHeader2, init_deserializerMiddleware = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/middleware-serde/deserializerMiddleware.js"() {
    init_transport();
    deserializerMiddleware = (options, deserializer) => (next, context) => async (args) => {
      let { response } = await next(args);
      try {
        let parsed = await deserializer(response, options);
        return {
          response,
          output: parsed
        };
      } catch (error2) {
        if (Object.defineProperty(error2, "$response", {
          value: response,
          enumerable: !1,
          writable: !1,
          configurable: !1
        }), !("$metadata" in error2)) {
          let hint = "Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.";
          try {
            error2.message += `
  ` + hint;
          } catch {
            !context.logger || context.logger?.constructor?.name === "NoOpLogger" ? console.warn(hint) : context.logger?.warn?.(hint);
          }
          typeof error2.$responseBodyText < "u" && error2.$response && (error2.$response.body = error2.$responseBodyText);
          try {
            if (HttpResponse.isInstance(response)) {
              let { headers = {} } = response, headerEntries = Object.entries(headers);
              error2.$metadata = {
                httpStatusCode: response.statusCode,
                requestId: findHeader2(/^x-[\w-]+-request-?id$/, headerEntries),
                extendedRequestId: findHeader2(/^x-[\w-]+-id-2$/, headerEntries),
                cfId: findHeader2(/^x-[\w-]+-cf-id$/, headerEntries)
              };
            }
          } catch {
          }
        }
        throw error2;
      }
    }, findHeader2 = (pattern, headers) => (headers.find(([k]) => k.match(pattern)) || [void 0, void 0])[1];
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/middleware-serde/serializerMiddleware.js
var serializerMiddleware, init_serializerMiddleware = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/middleware-serde/serializerMiddleware.js"() {
    init_endpoints();
    serializerMiddleware = (options, serializer) => (next, context) => async (args) => {
      let endpointConfig = options, endpoint = context.endpointV2 ? async () => toEndpointV1(context.endpointV2) : endpointConfig.endpoint;
      if (!endpoint)
        throw new Error("No valid endpoint provider available.");
      let request = await serializer(args.input, { ...options, endpoint });
      return next({
        ...args,
        request
      });
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/middleware-serde/serdePlugin.js
function getSerdePlugin(config, serializer, deserializer) {
  return {
    applyToStack: (commandStack) => {
      commandStack.add(deserializerMiddleware(config, deserializer), deserializerMiddlewareOption2), commandStack.add(serializerMiddleware(config, serializer), serializerMiddlewareOption3);
    }
  };
}
var deserializerMiddlewareOption2, serializerMiddlewareOption3, init_serdePlugin = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/middleware-serde/serdePlugin.js"() {
    init_deserializerMiddleware();
    init_serializerMiddleware();
    deserializerMiddlewareOption2 = {
      name: "deserializerMiddleware",
      step: "deserialize",
      tags: ["DESERIALIZER"],
      override: !0
    }, serializerMiddlewareOption3 = {
      name: "serializerMiddleware",
      step: "serialize",
      tags: ["SERIALIZER"],
      override: !0
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/hash-node/hash-node.js
import { createHash as createHash2, createHmac } from "node:crypto";
function castSourceData(toCast, encoding) {
  return Buffer.isBuffer(toCast) ? toCast : typeof toCast == "string" ? fromString(toCast, encoding) : ArrayBuffer.isView(toCast) ? fromArrayBuffer(toCast.buffer, toCast.byteOffset, toCast.byteLength) : fromArrayBuffer(toCast);
}
var Hash, init_hash_node = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/hash-node/hash-node.js"() {
    init_buffer_from();
    init_toUint8Array();
    Hash = class {
      algorithmIdentifier;
      secret;
      hash;
      constructor(algorithmIdentifier, secret) {
        this.algorithmIdentifier = algorithmIdentifier, this.secret = secret, this.reset();
      }
      update(toHash, encoding) {
        this.hash.update(toUint8Array(castSourceData(toHash, encoding)));
      }
      digest() {
        return Promise.resolve(this.hash.digest());
      }
      reset() {
        this.hash = this.secret ? createHmac(this.algorithmIdentifier, castSourceData(this.secret)) : createHash2(this.algorithmIdentifier);
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/checksum/ChecksumStream.js
import { Readable } from "node:stream";
var ChecksumStream, init_ChecksumStream = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/checksum/ChecksumStream.js"() {
    init_toBase64();
    ChecksumStream = class extends Readable {
      expectedChecksum;
      checksumSourceLocation;
      checksum;
      source;
      base64Encoder;
      constructor({ expectedChecksum, checksum, source, checksumSourceLocation, base64Encoder }) {
        if (super(), typeof source.pipe != "function")
          throw new Error(`@smithy/util-stream: unsupported source type ${source?.constructor?.name ?? source} in ChecksumStream.`);
        this.source = source, this.base64Encoder = base64Encoder ?? toBase64, this.expectedChecksum = expectedChecksum, this.checksum = checksum, this.checksumSourceLocation = checksumSourceLocation, this.source.on("data", this.onSourceData), this.source.on("end", this.onSourceEnd), this.source.on("error", this.onSourceError), this.source.on("close", this.onSourceClose), this.source.pause();
      }
      onSourceData = (chunk) => {
        if (!this.destroyed) {
          try {
            this.checksum.update(chunk);
          } catch (e) {
            this.destroy(e);
            return;
          }
          this.push(chunk) || this.source.pause();
        }
      };
      onSourceEnd = async () => {
        if (!this.destroyed) {
          try {
            let digest2 = await this.checksum.digest(), received = this.base64Encoder(digest2);
            if (this.expectedChecksum !== received) {
              this.destroy(new Error(`Checksum mismatch: expected "${this.expectedChecksum}" but received "${received}" in response header "${this.checksumSourceLocation}".`));
              return;
            }
          } catch (e) {
            this.destroy(e);
            return;
          }
          this.push(null);
        }
      };
      onSourceError = (error2) => {
        this.destroy(error2);
      };
      onSourceClose = () => {
        !this.destroyed && !this.source.readableEnded && this.destroy(new Error("Connection lost or stream closed before all data was received."));
      };
      _read(_size) {
        this.source.resume();
      }
      _destroy(error2, callback) {
        this.source?.removeListener("data", this.onSourceData), this.source?.removeListener("end", this.onSourceEnd), this.source?.removeListener("error", this.onSourceError), this.source?.removeListener("close", this.onSourceClose), this.source?.destroy(), callback(error2);
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/stream-type-check.js
var isReadableStream, isBlob, init_stream_type_check = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/stream-type-check.js"() {
    isReadableStream = (stream) => typeof ReadableStream == "function" && (stream?.constructor?.name === ReadableStream.name || stream instanceof ReadableStream), isBlob = (blob) => typeof Blob == "function" && (blob?.constructor?.name === Blob.name || blob instanceof Blob);
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/fromUtf8.browser.js
var fromUtf82, init_fromUtf8_browser = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/fromUtf8.browser.js"() {
    fromUtf82 = (input) => new TextEncoder().encode(input);
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-base64/constants-for-browser.js
var chars, alphabetByEncoding, alphabetByValue, bitsPerLetter, bitsPerByte, maxLetterValue, init_constants_for_browser = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-base64/constants-for-browser.js"() {
    chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", alphabetByEncoding = Object.entries(chars).reduce((acc, [i, c]) => (acc[c] = Number(i), acc), {}), alphabetByValue = chars.split(""), bitsPerLetter = 6, bitsPerByte = 8, maxLetterValue = 63;
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-base64/toBase64.browser.js
function toBase642(_input) {
  let input;
  typeof _input == "string" ? input = fromUtf82(_input) : input = _input;
  let isArrayLike = typeof input == "object" && typeof input.length == "number", isUint8Array = typeof input == "object" && typeof input.byteOffset == "number" && typeof input.byteLength == "number";
  if (!isArrayLike && !isUint8Array)
    throw new Error("@smithy/util-base64: toBase64 encoder function only accepts string | Uint8Array.");
  let str = "";
  for (let i = 0; i < input.length; i += 3) {
    let bits = 0, bitLength = 0;
    for (let j = i, limit = Math.min(i + 3, input.length); j < limit; j++)
      bits |= input[j] << (limit - j - 1) * bitsPerByte, bitLength += bitsPerByte;
    let bitClusterCount = Math.ceil(bitLength / bitsPerLetter);
    bits <<= bitClusterCount * bitsPerLetter - bitLength;
    for (let k = 1; k <= bitClusterCount; k++) {
      let offset = (bitClusterCount - k) * bitsPerLetter;
      str += alphabetByValue[(bits & maxLetterValue << offset) >> offset];
    }
    str += "==".slice(0, 4 - bitClusterCount);
  }
  return str;
}
var init_toBase64_browser = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-base64/toBase64.browser.js"() {
    init_fromUtf8_browser();
    init_constants_for_browser();
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/checksum/ChecksumStream.browser.js
var ReadableStreamRef, ChecksumStream2, init_ChecksumStream_browser = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/checksum/ChecksumStream.browser.js"() {
    ReadableStreamRef = typeof ReadableStream == "function" ? ReadableStream : function() {
    }, ChecksumStream2 = class extends ReadableStreamRef {
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/checksum/createChecksumStream.browser.js
var createChecksumStream, init_createChecksumStream_browser = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/checksum/createChecksumStream.browser.js"() {
    init_toBase64_browser();
    init_stream_type_check();
    init_ChecksumStream_browser();
    createChecksumStream = ({ expectedChecksum, checksum, source, checksumSourceLocation, base64Encoder }) => {
      if (!isReadableStream(source))
        throw new Error(`@smithy/util-stream: unsupported source type ${source?.constructor?.name ?? source} in ChecksumStream.`);
      let encoder = base64Encoder ?? toBase642;
      if (typeof TransformStream != "function")
        throw new Error("@smithy/util-stream: unable to instantiate ChecksumStream because API unavailable: ReadableStream/TransformStream.");
      let transform = new TransformStream({
        start() {
        },
        async transform(chunk, controller) {
          checksum.update(chunk), controller.enqueue(chunk);
        },
        async flush(controller) {
          let digest2 = await checksum.digest(), received = encoder(digest2);
          if (expectedChecksum !== received) {
            let error2 = new Error(`Checksum mismatch: expected "${expectedChecksum}" but received "${received}" in response header "${checksumSourceLocation}".`);
            controller.error(error2);
          } else
            controller.terminate();
        }
      });
      source.pipeThrough(transform);
      let readable = transform.readable;
      return Object.setPrototypeOf(readable, ChecksumStream2.prototype), readable;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/checksum/createChecksumStream.js
function createChecksumStream2(init) {
  return typeof ReadableStream == "function" && isReadableStream(init.source) ? createChecksumStream(init) : new ChecksumStream(init);
}
var init_createChecksumStream = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/checksum/createChecksumStream.js"() {
    init_stream_type_check();
    init_ChecksumStream();
    init_createChecksumStream_browser();
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/ByteArrayCollector.js
var ByteArrayCollector, init_ByteArrayCollector = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/ByteArrayCollector.js"() {
    ByteArrayCollector = class {
      allocByteArray;
      byteLength = 0;
      byteArrays = [];
      constructor(allocByteArray) {
        this.allocByteArray = allocByteArray;
      }
      push(byteArray) {
        this.byteArrays.push(byteArray), this.byteLength += byteArray.byteLength;
      }
      flush() {
        if (this.byteArrays.length === 1) {
          let bytes = this.byteArrays[0];
          return this.reset(), bytes;
        }
        let aggregation = this.allocByteArray(this.byteLength), cursor = 0;
        for (let i = 0; i < this.byteArrays.length; ++i) {
          let bytes = this.byteArrays[i];
          aggregation.set(bytes, cursor), cursor += bytes.byteLength;
        }
        return this.reset(), aggregation;
      }
      reset() {
        this.byteArrays = [], this.byteLength = 0;
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/createBufferedReadable.browser.js
function createBufferedReadableStream(upstream, size, logger2) {
  let reader = upstream.getReader(), streamBufferingLoggedWarning = !1, bytesSeen = 0, buffers = ["", new ByteArrayCollector((size2) => new Uint8Array(size2))], mode = -1, pull = async (controller) => {
    let { value, done } = await reader.read(), chunk = value;
    if (done) {
      if (mode !== -1) {
        let remainder = flush(buffers, mode);
        sizeOf(remainder) > 0 && controller.enqueue(remainder);
      }
      controller.close();
    } else {
      let chunkMode = modeOf(chunk, !1);
      if (mode !== chunkMode && (mode >= 0 && controller.enqueue(flush(buffers, mode)), mode = chunkMode), mode === -1) {
        controller.enqueue(chunk);
        return;
      }
      let chunkSize = sizeOf(chunk);
      bytesSeen += chunkSize;
      let bufferSize = sizeOf(buffers[mode]);
      if (chunkSize >= size && bufferSize === 0)
        controller.enqueue(chunk);
      else {
        let newSize = merge(buffers, mode, chunk);
        !streamBufferingLoggedWarning && bytesSeen > size * 2 && (streamBufferingLoggedWarning = !0, logger2?.warn(`@smithy/util-stream - stream chunk size ${chunkSize} is below threshold of ${size}, automatically buffering.`)), newSize >= size ? controller.enqueue(flush(buffers, mode)) : await pull(controller);
      }
    }
  };
  return new ReadableStream({
    pull
  });
}
function merge(buffers, mode, chunk) {
  switch (mode) {
    case 0:
      return buffers[0] += chunk, sizeOf(buffers[0]);
    case 1:
    case 2:
      return buffers[mode].push(chunk), sizeOf(buffers[mode]);
  }
}
function flush(buffers, mode) {
  switch (mode) {
    case 0:
      let s = buffers[0];
      return buffers[0] = "", s;
    case 1:
    case 2:
      return buffers[mode].flush();
  }
  throw new Error(`@smithy/util-stream - invalid index ${mode} given to flush()`);
}
function sizeOf(chunk) {
  return chunk?.byteLength ?? chunk?.length ?? 0;
}
function modeOf(chunk, allowBuffer = !0) {
  return allowBuffer && typeof Buffer < "u" && chunk instanceof Buffer ? 2 : chunk instanceof Uint8Array ? 1 : typeof chunk == "string" ? 0 : -1;
}
var init_createBufferedReadable_browser = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/createBufferedReadable.browser.js"() {
    init_ByteArrayCollector();
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/createBufferedReadable.js
import { Readable as Readable2 } from "node:stream";
function createBufferedReadable(upstream, size, logger2) {
  if (isReadableStream(upstream))
    return createBufferedReadableStream(upstream, size, logger2);
  let downstream = new Readable2({ read() {
  } }), streamBufferingLoggedWarning = !1, bytesSeen = 0, buffers = [
    "",
    new ByteArrayCollector((size2) => new Uint8Array(size2)),
    new ByteArrayCollector((size2) => Buffer.from(new Uint8Array(size2)))
  ], mode = -1;
  return upstream.on("data", (chunk) => {
    let chunkMode = modeOf(chunk, !0);
    if (mode !== chunkMode && (mode >= 0 && downstream.push(flush(buffers, mode)), mode = chunkMode), mode === -1) {
      downstream.push(chunk);
      return;
    }
    let chunkSize = sizeOf(chunk);
    bytesSeen += chunkSize;
    let bufferSize = sizeOf(buffers[mode]);
    if (chunkSize >= size && bufferSize === 0)
      downstream.push(chunk);
    else {
      let newSize = merge(buffers, mode, chunk);
      !streamBufferingLoggedWarning && bytesSeen > size * 2 && (streamBufferingLoggedWarning = !0, logger2?.warn(`@smithy/util-stream - stream chunk size ${chunkSize} is below threshold of ${size}, automatically buffering.`)), newSize >= size && downstream.push(flush(buffers, mode));
    }
  }), upstream.on("end", () => {
    if (mode !== -1) {
      let remainder = flush(buffers, mode);
      sizeOf(remainder) > 0 && downstream.push(remainder);
    }
    downstream.push(null);
  }), downstream;
}
var init_createBufferedReadable = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/createBufferedReadable.js"() {
    init_ByteArrayCollector();
    init_createBufferedReadable_browser();
    init_stream_type_check();
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/getAwsChunkedEncodingStream.browser.js
var getAwsChunkedEncodingStream, init_getAwsChunkedEncodingStream_browser = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/getAwsChunkedEncodingStream.browser.js"() {
    getAwsChunkedEncodingStream = (readableStream, options) => {
      let { base64Encoder, bodyLengthChecker, checksumAlgorithmFn, checksumLocationName, streamHasher } = options, checksumRequired = base64Encoder !== void 0 && bodyLengthChecker !== void 0 && checksumAlgorithmFn !== void 0 && checksumLocationName !== void 0 && streamHasher !== void 0, digest2 = checksumRequired ? streamHasher(checksumAlgorithmFn, readableStream) : void 0;
      Promise.resolve(digest2).catch(() => {
      });
      let reader = readableStream.getReader();
      return new ReadableStream({
        async pull(controller) {
          let { value, done } = await reader.read();
          if (done) {
            if (controller.enqueue(`0\r
`), checksumRequired) {
              let checksum = base64Encoder(await digest2);
              controller.enqueue(`${checksumLocationName}:${checksum}\r
`), controller.enqueue(`\r
`);
            }
            controller.close();
          } else
            controller.enqueue(`${(bodyLengthChecker(value) || 0).toString(16)}\r
${value}\r
`);
        }
      });
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/getAwsChunkedEncodingStream.js
import { Readable as Readable3 } from "node:stream";
function getAwsChunkedEncodingStream2(stream, options) {
  let readable = stream, readableStream = stream;
  if (isReadableStream(readableStream))
    return getAwsChunkedEncodingStream(readableStream, options);
  let { base64Encoder, bodyLengthChecker, checksumAlgorithmFn, checksumLocationName, streamHasher } = options, checksumRequired = base64Encoder !== void 0 && checksumAlgorithmFn !== void 0 && checksumLocationName !== void 0 && streamHasher !== void 0, digest2 = checksumRequired ? streamHasher(checksumAlgorithmFn, readable) : void 0;
  Promise.resolve(digest2).catch(() => {
  });
  let awsChunkedEncodingStream = new Readable3({
    read() {
      readable.resume();
    }
  });
  return readable.on("data", (data) => {
    let length = bodyLengthChecker(data) || 0;
    length !== 0 && (awsChunkedEncodingStream.push(`${length.toString(16)}\r
`), awsChunkedEncodingStream.push(data), awsChunkedEncodingStream.push(`\r
`) || readable.pause());
  }), readable.on("error", (err) => {
    awsChunkedEncodingStream.destroy(err);
  }), readable.pause(), readable.on("end", async () => {
    try {
      if (awsChunkedEncodingStream.push(`0\r
`), checksumRequired) {
        let checksum = base64Encoder(await digest2);
        awsChunkedEncodingStream.push(`${checksumLocationName}:${checksum}\r
`), awsChunkedEncodingStream.push(`\r
`);
      }
      awsChunkedEncodingStream.push(null);
    } catch (err) {
      awsChunkedEncodingStream.destroy(err);
    }
  }), awsChunkedEncodingStream;
}
var init_getAwsChunkedEncodingStream = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/getAwsChunkedEncodingStream.js"() {
    init_getAwsChunkedEncodingStream_browser();
    init_stream_type_check();
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/headStream.browser.js
async function headStream(stream, bytes) {
  let byteLengthCounter = 0, chunks = [], reader = stream.getReader(), isDone = !1;
  for (; !isDone; ) {
    let { done, value } = await reader.read();
    if (value && (chunks.push(value), byteLengthCounter += value?.byteLength ?? 0), byteLengthCounter >= bytes)
      break;
    isDone = done;
  }
  reader.releaseLock();
  let collected = new Uint8Array(Math.min(bytes, byteLengthCounter)), offset = 0;
  for (let chunk of chunks) {
    if (chunk.byteLength > collected.byteLength - offset) {
      collected.set(chunk.subarray(0, collected.byteLength - offset), offset);
      break;
    } else
      collected.set(chunk, offset);
    offset += chunk.length;
  }
  return collected;
}
var init_headStream_browser = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/headStream.browser.js"() {
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/headStream.js
import { Writable } from "node:stream";
var headStream2, Collector, init_headStream = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/headStream.js"() {
    init_concatBytes();
    init_headStream_browser();
    init_stream_type_check();
    headStream2 = (stream, bytes) => isReadableStream(stream) ? headStream(stream, bytes) : new Promise((resolve, reject) => {
      let collector = new Collector();
      collector.limit = bytes, stream.pipe(collector), stream.on("error", (err) => {
        collector.end(), reject(err);
      }), collector.on("error", reject), collector.on("finish", function() {
        let bytes2 = concatBytes(this.buffers);
        resolve(bytes2);
      });
    }), Collector = class extends Writable {
      buffers = [];
      limit = 1 / 0;
      bytesBuffered = 0;
      _write(chunk, encoding, callback) {
        if (this.buffers.push(chunk), this.bytesBuffered += chunk.byteLength ?? 0, this.bytesBuffered >= this.limit) {
          let excess = this.bytesBuffered - this.limit, tailBuffer = this.buffers[this.buffers.length - 1];
          this.buffers[this.buffers.length - 1] = tailBuffer.subarray(0, tailBuffer.byteLength - excess), this.emit("finish");
        }
        callback();
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/toUtf8.browser.js
var toUtf82, init_toUtf8_browser = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/toUtf8.browser.js"() {
    toUtf82 = (input) => {
      if (typeof input == "string")
        return input;
      if (typeof input != "object" || typeof input.byteOffset != "number" || typeof input.byteLength != "number")
        throw new Error("@smithy/util-utf8: toUtf8 encoder function only accepts string | Uint8Array.");
      return new TextDecoder("utf-8").decode(input);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/stream-collector.browser.js
async function collectBlob(blob) {
  return blob.arrayBuffer().then((ab) => new Uint8Array(ab));
}
async function collectReadableStream(stream) {
  let chunks = [], reader = stream.getReader(), length = 0;
  for (; ; ) {
    let { done, value } = await reader.read();
    if (value && (chunks.push(value), length += value.length), done)
      break;
  }
  return concatBytes(chunks, length);
}
var streamCollector, init_stream_collector_browser = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/stream-collector.browser.js"() {
    init_concatBytes();
    init_stream_type_check();
    streamCollector = async (stream) => isBlob(stream) ? collectBlob(stream) : collectReadableStream(stream);
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/sdk-stream-mixin.browser.js
var ERR_MSG_STREAM_HAS_BEEN_TRANSFORMED, sdkStreamMixin, isBlobInstance, init_sdk_stream_mixin_browser = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/sdk-stream-mixin.browser.js"() {
    init_toBase64_browser();
    init_hex_encoding();
    init_toUtf8_browser();
    init_stream_collector_browser();
    init_stream_type_check();
    ERR_MSG_STREAM_HAS_BEEN_TRANSFORMED = "The stream has already been transformed.", sdkStreamMixin = (stream) => {
      if (!isBlobInstance(stream) && !isReadableStream(stream)) {
        let name = stream?.__proto__?.constructor?.name || stream;
        throw new Error(`Unexpected stream implementation, expect Blob or ReadableStream, got ${name}`);
      }
      let transformed = !1, transformToByteArray = async () => {
        if (transformed)
          throw new Error(ERR_MSG_STREAM_HAS_BEEN_TRANSFORMED);
        return transformed = !0, await streamCollector(stream);
      }, blobToWebStream = (blob) => {
        if (typeof blob.stream != "function")
          throw new Error(`Cannot transform payload Blob to web stream. Please make sure the Blob.stream() is polyfilled.
If you are using React Native, this API is not yet supported, see: https://react-native.canny.io/feature-requests/p/fetch-streaming-body`);
        return blob.stream();
      };
      return Object.assign(stream, {
        transformToByteArray,
        transformToString: async (encoding) => {
          let buf = await transformToByteArray();
          if (encoding === "base64")
            return toBase642(buf);
          if (encoding === "hex")
            return toHex(buf);
          if (encoding === void 0 || encoding === "utf8" || encoding === "utf-8")
            return toUtf82(buf);
          if (typeof TextDecoder == "function")
            return new TextDecoder(encoding).decode(buf);
          throw new Error("TextDecoder is not available, please make sure polyfill is provided.");
        },
        transformToWebStream: () => {
          if (transformed)
            throw new Error(ERR_MSG_STREAM_HAS_BEEN_TRANSFORMED);
          if (transformed = !0, isBlobInstance(stream))
            return blobToWebStream(stream);
          if (isReadableStream(stream))
            return stream;
          throw new Error(`Cannot transform payload to web stream, got ${stream}`);
        }
      });
    }, isBlobInstance = (stream) => typeof Blob == "function" && stream instanceof Blob;
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/stream-collector.js
import { Writable as Writable2 } from "node:stream";
var streamCollector2, Collector2, init_stream_collector = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/stream-collector.js"() {
    init_concatBytes();
    init_stream_collector_browser();
    init_stream_type_check();
    streamCollector2 = (stream) => isBlob(stream) ? collectBlob(stream) : isReadableStream(stream) ? collectReadableStream(stream) : new Promise((resolve, reject) => {
      let collector = new Collector2(), nodeStream = stream;
      nodeStream.pipe(collector), nodeStream.on("error", (err) => {
        collector.end(), reject(err);
      }), collector.on("error", reject), collector.on("finish", function() {
        let bytes = concatBytes(this.bufferedBytes);
        resolve(bytes);
      });
    }), Collector2 = class extends Writable2 {
      bufferedBytes = [];
      _write(chunk, encoding, callback) {
        this.bufferedBytes.push(chunk), callback();
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/sdk-stream-mixin.js
import { Readable as Readable4 } from "node:stream";
var ERR_MSG_STREAM_HAS_BEEN_TRANSFORMED2, sdkStreamMixin2, init_sdk_stream_mixin = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/sdk-stream-mixin.js"() {
    init_buffer_from();
    init_sdk_stream_mixin_browser();
    init_stream_collector();
    ERR_MSG_STREAM_HAS_BEEN_TRANSFORMED2 = "The stream has already been transformed.", sdkStreamMixin2 = (stream) => {
      if (!(stream instanceof Readable4))
        try {
          return sdkStreamMixin(stream);
        } catch {
          let name = stream?.__proto__?.constructor?.name || stream;
          throw new Error(`Unexpected stream implementation, expect Stream.Readable instance, got ${name}`);
        }
      let transformed = !1, transformToByteArray = async () => {
        if (transformed)
          throw new Error(ERR_MSG_STREAM_HAS_BEEN_TRANSFORMED2);
        return transformed = !0, await streamCollector2(stream);
      };
      return Object.assign(stream, {
        transformToByteArray,
        transformToString: async (encoding) => {
          let buf = await transformToByteArray();
          return encoding === void 0 || Buffer.isEncoding(encoding) ? fromArrayBuffer(buf.buffer, buf.byteOffset, buf.byteLength).toString(encoding) : new TextDecoder(encoding).decode(buf);
        },
        transformToWebStream: () => {
          if (transformed)
            throw new Error(ERR_MSG_STREAM_HAS_BEEN_TRANSFORMED2);
          if (stream.readableFlowing !== null)
            throw new Error("The stream has been consumed by other callbacks.");
          if (typeof Readable4.toWeb != "function")
            throw new Error("Readable.toWeb() is not supported. Please ensure a polyfill is available.");
          return transformed = !0, Readable4.toWeb(stream);
        }
      });
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/splitStream.browser.js
async function splitStream(stream) {
  return typeof stream.stream == "function" && (stream = stream.stream()), stream.tee();
}
var init_splitStream_browser = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/splitStream.browser.js"() {
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/splitStream.js
import { PassThrough } from "node:stream";
async function splitStream2(stream) {
  if (isReadableStream(stream) || isBlob(stream))
    return splitStream(stream);
  let stream1 = new PassThrough(), stream2 = new PassThrough();
  return stream.pipe(stream1), stream.pipe(stream2), [stream1, stream2];
}
var init_splitStream = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/splitStream.js"() {
    init_splitStream_browser();
    init_stream_type_check();
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/writeKey.js
function writeKey(obj) {
  Object.defineProperty(obj, "__proto__", { value: void 0, writable: !0, enumerable: !0, configurable: !0 });
}
var init_writeKey = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/writeKey.js"() {
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/index.js
var serde_exports = {};
__export(serde_exports, {
  ChecksumStream: () => ChecksumStream,
  Hash: () => Hash,
  LazyJsonString: () => LazyJsonString,
  NumericValue: () => NumericValue,
  Uint8ArrayBlobAdapter: () => Uint8ArrayBlobAdapter,
  _parseEpochTimestamp: () => _parseEpochTimestamp,
  _parseRfc3339DateTimeWithOffset: () => _parseRfc3339DateTimeWithOffset,
  _parseRfc7231DateTime: () => _parseRfc7231DateTime,
  calculateBodyLength: () => calculateBodyLength,
  concatBytes: () => concatBytes,
  copyDocumentWithTransform: () => copyDocumentWithTransform,
  createBufferedReadable: () => createBufferedReadable,
  createChecksumStream: () => createChecksumStream2,
  dateToUtcString: () => dateToUtcString,
  deserializerMiddleware: () => deserializerMiddleware,
  deserializerMiddlewareOption: () => deserializerMiddlewareOption2,
  expectBoolean: () => expectBoolean,
  expectByte: () => expectByte,
  expectFloat32: () => expectFloat32,
  expectInt: () => expectInt,
  expectInt32: () => expectInt32,
  expectLong: () => expectLong,
  expectNonNull: () => expectNonNull,
  expectNumber: () => expectNumber,
  expectObject: () => expectObject,
  expectShort: () => expectShort,
  expectString: () => expectString,
  expectUnion: () => expectUnion,
  fromArrayBuffer: () => fromArrayBuffer,
  fromBase64: () => fromBase64,
  fromHex: () => fromHex,
  fromString: () => fromString,
  fromUtf8: () => fromUtf8,
  generateIdempotencyToken: () => generateIdempotencyToken,
  getAwsChunkedEncodingStream: () => getAwsChunkedEncodingStream2,
  getSerdePlugin: () => getSerdePlugin,
  handleFloat: () => handleFloat,
  hasOwn: () => hasOwn,
  headStream: () => headStream2,
  isArrayBuffer: () => isArrayBuffer,
  isBlob: () => isBlob,
  isReadableStream: () => isReadableStream,
  limitedParseDouble: () => limitedParseDouble,
  limitedParseFloat: () => limitedParseFloat,
  limitedParseFloat32: () => limitedParseFloat32,
  logger: () => logger,
  nv: () => nv,
  parseBoolean: () => parseBoolean,
  parseEpochTimestamp: () => parseEpochTimestamp,
  parseRfc3339DateTime: () => parseRfc3339DateTime,
  parseRfc3339DateTimeWithOffset: () => parseRfc3339DateTimeWithOffset,
  parseRfc7231DateTime: () => parseRfc7231DateTime,
  quoteHeader: () => quoteHeader,
  sdkStreamMixin: () => sdkStreamMixin2,
  serializerMiddleware: () => serializerMiddleware,
  serializerMiddlewareOption: () => serializerMiddlewareOption3,
  splitEvery: () => splitEvery,
  splitHeader: () => splitHeader,
  splitStream: () => splitStream2,
  streamCollector: () => streamCollector2,
  strictParseByte: () => strictParseByte,
  strictParseDouble: () => strictParseDouble,
  strictParseFloat: () => strictParseFloat,
  strictParseFloat32: () => strictParseFloat32,
  strictParseInt: () => strictParseInt,
  strictParseInt32: () => strictParseInt32,
  strictParseLong: () => strictParseLong,
  strictParseShort: () => strictParseShort,
  toBase64: () => toBase64,
  toHex: () => toHex,
  toUint8Array: () => toUint8Array,
  toUtf8: () => toUtf8,
  v4: () => v4,
  writeKey: () => writeKey
});
import { getRandomValues } from "node:crypto";
var Uint8ArrayBlobAdapter, _getRandomValues, v4, generateIdempotencyToken, init_serde = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/index.js"() {
    init_fromBase64();
    init_toBase64();
    init_Uint8ArrayBlobAdapter();
    init_fromUtf8();
    init_toUtf8();
    init_v4();
    init_copyDocumentWithTransform();
    init_date_utils();
    init_lazy_json();
    init_parse_utils();
    init_quote_header();
    init_schema_date_utils();
    init_split_every();
    init_split_header();
    init_NumericValue();
    init_hex_encoding();
    init_calculateBodyLength();
    init_toUint8Array();
    init_concatBytes();
    init_buffer_from();
    init_is_array_buffer();
    init_deserializerMiddleware();
    init_serdePlugin();
    init_serializerMiddleware();
    init_hash_node();
    init_ChecksumStream();
    init_createChecksumStream();
    init_createBufferedReadable();
    init_getAwsChunkedEncodingStream();
    init_headStream();
    init_sdk_stream_mixin();
    init_splitStream();
    init_stream_type_check();
    init_stream_collector();
    init_transport();
    init_writeKey();
    Uint8ArrayBlobAdapter = class extends bindUint8ArrayBlobAdapter(toUtf8, fromUtf8, toBase64, fromBase64) {
    }, _getRandomValues = getRandomValues, v4 = bindV4(_getRandomValues), generateIdempotencyToken = v4;
  }
});

// node_modules/@smithy/core/dist-es/submodules/checksum/chunked-blob-reader/chunked-blob-reader.js
async function blobReader(blob, onChunk, chunkSize = 1024 * 1024) {
  let size = blob.size, totalBytesRead = 0;
  for (; totalBytesRead < size; ) {
    let slice = blob.slice(totalBytesRead, Math.min(size, totalBytesRead + chunkSize));
    onChunk(new Uint8Array(await slice.arrayBuffer())), totalBytesRead += slice.size;
  }
}
var init_chunked_blob_reader = __esm({
  "node_modules/@smithy/core/dist-es/submodules/checksum/chunked-blob-reader/chunked-blob-reader.js"() {
  }
});

// node_modules/@smithy/core/dist-es/submodules/checksum/hash-blob-browser/blobHasher.js
var blobHasher, init_blobHasher = __esm({
  "node_modules/@smithy/core/dist-es/submodules/checksum/hash-blob-browser/blobHasher.js"() {
    init_chunked_blob_reader();
    blobHasher = async function(hashCtor, blob) {
      let hash = new hashCtor();
      return await blobReader(blob, (chunk) => {
        hash.update(chunk);
      }), hash.digest();
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/checksum/hash-stream-node/HashCalculator.js
import { Writable as Writable3 } from "node:stream";
var HashCalculator, init_HashCalculator = __esm({
  "node_modules/@smithy/core/dist-es/submodules/checksum/hash-stream-node/HashCalculator.js"() {
    init_serde();
    HashCalculator = class extends Writable3 {
      hash;
      constructor(hash, options) {
        super(options), this.hash = hash;
      }
      _write(chunk, encoding, callback) {
        try {
          this.hash.update(toUint8Array(chunk));
        } catch (err) {
          return callback(err);
        }
        callback();
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/checksum/hash-stream-node/fileStreamHasher.js
import { createReadStream } from "node:fs";
var fileStreamHasher, isReadStream, init_fileStreamHasher = __esm({
  "node_modules/@smithy/core/dist-es/submodules/checksum/hash-stream-node/fileStreamHasher.js"() {
    init_HashCalculator();
    fileStreamHasher = (hashCtor, fileStream) => new Promise((resolve, reject) => {
      if (!isReadStream(fileStream)) {
        reject(new Error("Unable to calculate hash for non-file streams."));
        return;
      }
      let fileStreamTee = createReadStream(fileStream.path, {
        start: fileStream.start,
        end: fileStream.end
      }), hash = new hashCtor(), hashCalculator = new HashCalculator(hash);
      fileStreamTee.pipe(hashCalculator), fileStreamTee.on("error", (err) => {
        hashCalculator.end(), reject(err);
      }), hashCalculator.on("error", reject), hashCalculator.on("finish", function() {
        hash.digest().then(resolve).catch(reject);
      });
    }), isReadStream = (stream) => typeof stream.path == "string";
  }
});

// node_modules/@smithy/core/dist-es/submodules/checksum/hash-stream-node/readableStreamHasher.js
var readableStreamHasher, init_readableStreamHasher = __esm({
  "node_modules/@smithy/core/dist-es/submodules/checksum/hash-stream-node/readableStreamHasher.js"() {
    init_HashCalculator();
    readableStreamHasher = (hashCtor, readableStream) => {
      if (readableStream.readableFlowing !== null)
        throw new Error("Unable to calculate hash for flowing readable stream");
      let hash = new hashCtor(), hashCalculator = new HashCalculator(hash);
      return readableStream.pipe(hashCalculator), new Promise((resolve, reject) => {
        readableStream.on("error", (err) => {
          hashCalculator.end(), reject(err);
        }), hashCalculator.on("error", reject), hashCalculator.on("finish", () => {
          hash.digest().then(resolve).catch(reject);
        });
      });
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/checksum/md5/Md5Js.js
function compress(state, block) {
  let a = state[0], b = state[1], c = state[2], d = state[3];
  for (let i = 0; i < 64; ++i) {
    let f, g;
    i < 16 ? (f = b & c | ~b & d, g = i) : i < 32 ? (f = d & b | c & ~d, g = (5 * i + 1) % 16) : i < 48 ? (f = b ^ c ^ d, g = (3 * i + 5) % 16) : (f = c ^ (b | ~d), g = 7 * i % 16);
    let x = block.getUint32(g * 4, !0), tmp = d;
    d = c, c = b;
    let s = S[(i >> 4) * 4 + (i & 3)], sum = (a + f & M) + (x + T[i] & M) & M;
    b = b + ((sum << s | sum >>> 32 - s) >>> 0) & M, a = tmp;
  }
  state[0] = state[0] + a & M, state[1] = state[1] + b & M, state[2] = state[2] + c & M, state[3] = state[3] + d & M;
}
var Md5Js, INIT, M, S, T, init_Md5Js = __esm({
  "node_modules/@smithy/core/dist-es/submodules/checksum/md5/Md5Js.js"() {
    init_serde();
    Md5Js = class {
      digestLength = 16;
      state = Uint32Array.from(INIT);
      writeBuffer = new DataView(new ArrayBuffer(64));
      bufferLength = 0;
      bytesHashed = 0;
      update(sourceData) {
        let data = toUint8Array(sourceData), pos = 0, len = data.byteLength;
        for (this.bytesHashed += len; len > 0; )
          this.writeBuffer.setUint8(this.bufferLength++, data[pos++]), --len, this.bufferLength === 64 && (compress(this.state, this.writeBuffer), this.bufferLength = 0);
      }
      async digest() {
        let state = Uint32Array.from(this.state), buf = new DataView(this.writeBuffer.buffer.slice(0)), bufLen = this.bufferLength, bits = this.bytesHashed * 8;
        if (buf.setUint8(bufLen++, 128), this.bufferLength % 64 >= 56) {
          for (let i = bufLen; i < 64; ++i)
            buf.setUint8(i, 0);
          compress(state, buf), bufLen = 0;
        }
        for (let i = bufLen; i < 56; ++i)
          buf.setUint8(i, 0);
        buf.setUint32(56, bits >>> 0, !0), buf.setUint32(60, Math.floor(bits / 2 ** 32), !0), compress(state, buf);
        let out = new Uint8Array(16), view = new DataView(out.buffer);
        for (let i = 0; i < 4; ++i)
          view.setUint32(i * 4, state[i], !0);
        return out;
      }
      reset() {
        this.state.set(INIT), this.writeBuffer = new DataView(new ArrayBuffer(64)), this.bufferLength = 0, this.bytesHashed = 0;
      }
    }, INIT = [1732584193, 4023233417, 2562383102, 271733878], M = 4294967295, S = Uint8Array.of(7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21), T = Array.from({ length: 64 }, (_, i) => Math.abs(Math.sin(i + 1)) * 2 ** 32 >>> 0);
  }
});

// node_modules/@smithy/core/dist-es/submodules/checksum/md5/Md5Node.js
import { createHash as createHash3 } from "node:crypto";
function buildNativeClass() {
  return class {
    digestLength = 16;
    hash = createHash3("md5");
    update(data) {
      this.hash.update(toUint8Array(data));
    }
    async digest() {
      let buf = this.hash.copy().digest();
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    reset() {
      this.hash = createHash3("md5");
    }
  };
}
var hasNativeCrypto, Md5Node, init_Md5Node = __esm({
  "node_modules/@smithy/core/dist-es/submodules/checksum/md5/Md5Node.js"() {
    init_serde();
    init_Md5Js();
    hasNativeCrypto = (() => {
      try {
        return createHash3("md5"), !0;
      } catch {
        return !1;
      }
    })(), Md5Node = hasNativeCrypto ? buildNativeClass() : Md5Js;
  }
});

// node_modules/@smithy/core/dist-es/submodules/checksum/crc32/Crc32Js.js
var CRC32_TABLE, ONES, Crc32Js, init_Crc32Js = __esm({
  "node_modules/@smithy/core/dist-es/submodules/checksum/crc32/Crc32Js.js"() {
    CRC32_TABLE = new Uint32Array(256);
    for (let i = 0; i < 256; ++i) {
      let c = i;
      for (let j = 0; j < 8; ++j)
        c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
      CRC32_TABLE[i] = c >>> 0;
    }
    ONES = 4294967295, Crc32Js = class {
      digestLength = 4;
      checksum = ONES;
      update(data) {
        for (let i = 0; i < data.length; ++i)
          this.checksum = this.checksum >>> 8 ^ CRC32_TABLE[(this.checksum ^ data[i]) & 255];
      }
      digestSync() {
        return (this.checksum ^ ONES) >>> 0;
      }
      async digest() {
        let value = this.digestSync(), out = new Uint8Array(4);
        return new DataView(out.buffer).setUint32(0, value, !1), out;
      }
      reset() {
        this.checksum = ONES;
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/checksum/crc32/Crc32Node.js
import * as zlib from "node:zlib";
function buildNativeClass2(nativeCrc32) {
  return class {
    digestLength = 4;
    value = 0;
    update(data) {
      this.value = nativeCrc32(data, this.value);
    }
    digestSync() {
      return this.value >>> 0;
    }
    async digest() {
      let out = new Uint8Array(4);
      return new DataView(out.buffer).setUint32(0, this.digestSync(), !1), out;
    }
    reset() {
      this.value = 0;
    }
  };
}
var zlibCrc32, Crc32Node, init_Crc32Node = __esm({
  "node_modules/@smithy/core/dist-es/submodules/checksum/crc32/Crc32Node.js"() {
    init_Crc32Js();
    zlibCrc32 = typeof zlib.crc32 == "function" ? zlib.crc32 : void 0, Crc32Node = zlibCrc32 ? buildNativeClass2(zlibCrc32) : Crc32Js;
  }
});

// node_modules/@smithy/core/dist-es/submodules/checksum/sha256/Sha256Js.js
var BLOCK, DIGEST_LENGTH, MAX_HASHABLE_LENGTH, Sha256Js, INIT2, K, init_Sha256Js = __esm({
  "node_modules/@smithy/core/dist-es/submodules/checksum/sha256/Sha256Js.js"() {
    init_serde();
    BLOCK = 64, DIGEST_LENGTH = 32, MAX_HASHABLE_LENGTH = 2 ** 53 - 1, Sha256Js = class _Sha256Js {
      digestLength = DIGEST_LENGTH;
      state = Int32Array.from(INIT2);
      w;
      buffer = new Uint8Array(64);
      bufferLength = 0;
      bytesHashed = 0;
      finished = !1;
      inner;
      outer;
      constructor(secret) {
        if (secret) {
          let key = _Sha256Js.normalizeKey(secret);
          this.inner = new _Sha256Js(), this.outer = new _Sha256Js();
          let { inner, outer } = this, pad = new Uint8Array(BLOCK * 2);
          for (let i = 0; i < BLOCK; ++i)
            pad[i] = 54 ^ key[i], pad[i + BLOCK] = 92 ^ key[i];
          inner.update(pad.subarray(0, BLOCK)), outer.update(pad.subarray(BLOCK));
        }
      }
      update(data) {
        if (this.finished)
          throw new Error("Attempted to update an already finished HMAC.");
        if (this.inner) {
          this.inner.update(data);
          return;
        }
        let chunk = toUint8Array(data), position = 0, { byteLength } = chunk;
        if (this.bytesHashed += byteLength, this.bytesHashed * 8 > MAX_HASHABLE_LENGTH)
          throw new Error("Cannot hash more than 2^53 - 1 bits");
        for (; byteLength > 0; )
          this.buffer[this.bufferLength++] = chunk[position++], byteLength--, this.bufferLength === BLOCK && (this.hashBuffer(), this.bufferLength = 0);
      }
      async digest() {
        let { inner, outer } = this;
        if (inner && outer) {
          if (this.finished)
            throw new Error("Attempted to digest an already finished HMAC.");
          this.finished = !0;
          let innerDigest = inner.digestSync();
          return outer.update(innerDigest), outer.digestSync();
        }
        return this.digestSync();
      }
      reset() {
        this.state = Int32Array.from(INIT2), this.buffer = new Uint8Array(64), this.bufferLength = 0, this.bytesHashed = 0;
      }
      digestSync() {
        let state = this.state.slice(), buffer = this.buffer.slice(), bufferLength = this.bufferLength, bitsHashed = this.bytesHashed * 8, bufferView = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
        if (bufferView.setUint8(bufferLength++, 128), (bufferLength - 1) % BLOCK >= BLOCK - 8) {
          for (let i = bufferLength; i < BLOCK; ++i)
            bufferView.setUint8(i, 0);
          this.hashBufferWith(state, buffer), bufferLength = 0;
        }
        for (let i = bufferLength; i < BLOCK - 8; ++i)
          bufferView.setUint8(i, 0);
        bufferView.setUint32(BLOCK - 8, Math.floor(bitsHashed / 4294967296), !1), bufferView.setUint32(BLOCK - 4, bitsHashed, !1), this.hashBufferWith(state, buffer);
        let out = new Uint8Array(DIGEST_LENGTH);
        for (let i = 0; i < 8; ++i)
          out[i * 4] = state[i] >>> 24 & 255, out[i * 4 + 1] = state[i] >>> 16 & 255, out[i * 4 + 2] = state[i] >>> 8 & 255, out[i * 4 + 3] = state[i] >>> 0 & 255;
        return out;
      }
      static normalizeKey(secret) {
        let key = toUint8Array(secret);
        if (key.byteLength > BLOCK) {
          let h = new _Sha256Js();
          h.update(key);
          let out = h.digestSync(), padded = new Uint8Array(BLOCK);
          return padded.set(out), padded;
        }
        if (key.byteLength < BLOCK) {
          let padded = new Uint8Array(BLOCK);
          return padded.set(key), padded;
        }
        return key;
      }
      hashBuffer() {
        this.hashBufferWith(this.state, this.buffer);
      }
      hashBufferWith(state, buffer) {
        let w = this.w ??= new Int32Array(64), s0 = state[0], s1 = state[1], s2 = state[2], s3 = state[3], s4 = state[4], s5 = state[5], s6 = state[6], s7 = state[7];
        for (let i = 0; i < BLOCK; ++i) {
          if (i < 16)
            w[i] = (buffer[i * 4] & 255) << 24 | (buffer[i * 4 + 1] & 255) << 16 | (buffer[i * 4 + 2] & 255) << 8 | buffer[i * 4 + 3] & 255;
          else {
            let u = w[i - 2], t12 = (u >>> 17 | u << 15) ^ (u >>> 19 | u << 13) ^ u >>> 10;
            u = w[i - 15];
            let t22 = (u >>> 7 | u << 25) ^ (u >>> 18 | u << 14) ^ u >>> 3;
            w[i] = (t12 + w[i - 7] | 0) + (t22 + w[i - 16] | 0);
          }
          let t1 = (((s4 >>> 6 | s4 << 26) ^ (s4 >>> 11 | s4 << 21) ^ (s4 >>> 25 | s4 << 7)) + (s4 & s5 ^ ~s4 & s6) | 0) + (s7 + (K[i] + w[i] | 0) | 0) | 0, t2 = ((s0 >>> 2 | s0 << 30) ^ (s0 >>> 13 | s0 << 19) ^ (s0 >>> 22 | s0 << 10)) + (s0 & s1 ^ s0 & s2 ^ s1 & s2) | 0;
          s7 = s6, s6 = s5, s5 = s4, s4 = s3 + t1 | 0, s3 = s2, s2 = s1, s1 = s0, s0 = t1 + t2 | 0;
        }
        state[0] += s0, state[1] += s1, state[2] += s2, state[3] += s3, state[4] += s4, state[5] += s5, state[6] += s6, state[7] += s7;
      }
    }, INIT2 = new Int32Array([
      1779033703,
      3144134277,
      1013904242,
      2773480762,
      1359893119,
      2600822924,
      528734635,
      1541459225
    ]), K = new Int32Array([
      1116352408,
      1899447441,
      3049323471,
      3921009573,
      961987163,
      1508970993,
      2453635748,
      2870763221,
      3624381080,
      310598401,
      607225278,
      1426881987,
      1925078388,
      2162078206,
      2614888103,
      3248222580,
      3835390401,
      4022224774,
      264347078,
      604807628,
      770255983,
      1249150122,
      1555081692,
      1996064986,
      2554220882,
      2821834349,
      2952996808,
      3210313671,
      3336571891,
      3584528711,
      113926993,
      338241895,
      666307205,
      773529912,
      1294757372,
      1396182291,
      1695183700,
      1986661051,
      2177026350,
      2456956037,
      2730485921,
      2820302411,
      3259730800,
      3345764771,
      3516065817,
      3600352804,
      4094571909,
      275423344,
      430227734,
      506948616,
      659060556,
      883997877,
      958139571,
      1322822218,
      1537002063,
      1747873779,
      1955562222,
      2024104815,
      2227730452,
      2361852424,
      2428436474,
      2756734187,
      3204031479,
      3329325298
    ]);
  }
});

// node_modules/@smithy/core/dist-es/submodules/checksum/sha256/Sha256Node.js
import { createHash as createHash4, createHmac as createHmac2 } from "node:crypto";
function buildNativeClass3() {
  return class {
    digestLength = 32;
    secret;
    hash;
    isHmac;
    finished = !1;
    constructor(secret) {
      this.secret = secret, this.isHmac = !!secret, this.hash = this.createHash();
    }
    update(data) {
      if (this.finished)
        throw new Error("Attempted to update an already finished hash.");
      this.hash.update(data);
    }
    async digest() {
      let buf;
      return this.isHmac ? (this.finished = !0, buf = this.hash.digest()) : buf = this.hash.copy().digest(), new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    reset() {
      this.hash = this.createHash(), this.finished = !1;
    }
    createHash() {
      return this.secret ? createHmac2("sha256", toBuffer(this.secret)) : createHash4("sha256");
    }
  };
}
function toBuffer(data) {
  return typeof data == "string" ? data : ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);
}
var hasNativeCrypto2, Sha256Node, init_Sha256Node = __esm({
  "node_modules/@smithy/core/dist-es/submodules/checksum/sha256/Sha256Node.js"() {
    init_Sha256Js();
    hasNativeCrypto2 = (() => {
      try {
        return createHash4("sha256"), !0;
      } catch {
        return !1;
      }
    })(), Sha256Node = hasNativeCrypto2 ? buildNativeClass3() : Sha256Js;
  }
});

// node_modules/@smithy/core/dist-es/submodules/checksum/sha256/Sha256WebCrypto.js
var digest, sign, importKey, subtle, MAX_PENDING_BYTES, Sha256WebCrypto, init_Sha256WebCrypto = __esm({
  "node_modules/@smithy/core/dist-es/submodules/checksum/sha256/Sha256WebCrypto.js"() {
    init_serde();
    init_Sha256Js();
    ({ digest, sign, importKey } = globalThis?.crypto?.subtle ?? {}), subtle = typeof digest == "function" && typeof sign == "function" && typeof importKey == "function" ? globalThis.crypto.subtle : void 0, MAX_PENDING_BYTES = 8 * 1024 * 1024, Sha256WebCrypto = class {
      digestLength = 32;
      secret;
      pending = [];
      pendingBytes = 0;
      fallback;
      finished = !1;
      constructor(secret) {
        secret && (this.secret = toUint8Array(secret));
      }
      update(data) {
        if (this.finished)
          throw new Error("Attempted to update an already finished HMAC.");
        if (this.fallback) {
          this.fallback.update(data);
          return;
        }
        this.pending.push(data.slice()), this.pendingBytes += data.byteLength, this.pendingBytes >= MAX_PENDING_BYTES && this.switchToFallback();
      }
      async digest() {
        if (this.fallback)
          return this.fallback.digest();
        if (this.secret && this.finished)
          throw new Error("Attempted to digest an already finished HMAC.");
        let data = concatBytes(this.pending);
        if (subtle) {
          if (this.secret) {
            this.finished = !0;
            let key = await subtle.importKey("raw", this.secret, { name: "HMAC", hash: "SHA-256" }, !1, ["sign"]), sig = await subtle.sign("HMAC", key, data);
            return new Uint8Array(sig);
          }
          let hash = await subtle.digest("SHA-256", data);
          return new Uint8Array(hash);
        }
        let sha256 = new Sha256Js(this.secret);
        return sha256.update(data), sha256.digest();
      }
      reset() {
        this.pending = [], this.pendingBytes = 0, this.fallback = void 0, this.finished = !1;
      }
      switchToFallback() {
        let sha256Js = new Sha256Js(this.secret);
        for (let chunk of this.pending)
          sha256Js.update(chunk);
        this.fallback = sha256Js, this.pending = [], this.pendingBytes = 0;
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/checksum/index.js
var checksum_exports = {};
__export(checksum_exports, {
  Crc32: () => Crc32Node,
  Crc32Js: () => Crc32Js,
  Crc32Node: () => Crc32Node,
  Md5: () => Md5Node,
  Md5Js: () => Md5Js,
  Md5Node: () => Md5Node,
  Sha256: () => Sha256Node,
  Sha256Js: () => Sha256Js,
  Sha256Node: () => Sha256Node,
  Sha256WebCrypto: () => Sha256WebCrypto,
  blobHasher: () => blobHasher,
  blobReader: () => blobReader,
  fileStreamHasher: () => fileStreamHasher,
  readableStreamHasher: () => readableStreamHasher
});
var init_checksum2 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/checksum/index.js"() {
    init_blobHasher();
    init_fileStreamHasher();
    init_readableStreamHasher();
    init_Md5Js();
    init_Md5Node();
    init_Crc32Js();
    init_Crc32Node();
    init_Sha256Js();
    init_Sha256Node();
    init_Sha256WebCrypto();
    init_chunked_blob_reader();
  }
});

export {
  fromBase64,
  fromUtf8,
  toBase64,
  toUtf8,
  require_dist_cjs,
  getSmithyContext,
  hasOwn,
  HttpRequest,
  HttpResponse,
  isValidHostLabel,
  isValidHostname,
  normalizeProvider,
  parseQueryString,
  parseUrl,
  init_transport,
  expectUnion,
  dateToUtcString,
  parseRfc3339DateTimeWithOffset,
  parseRfc7231DateTime,
  parseEpochTimestamp,
  LazyJsonString,
  quoteHeader,
  _parseEpochTimestamp,
  _parseRfc3339DateTimeWithOffset,
  _parseRfc7231DateTime,
  splitEvery,
  splitHeader,
  NumericValue,
  nv,
  fromHex,
  toHex,
  calculateBodyLength,
  ProviderError,
  booleanSelector,
  SelectorType,
  loadConfig,
  NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS,
  NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS,
  Client,
  deref,
  getSchemaSerdePlugin,
  translateTraits,
  NormalizedSchema,
  TypeRegistry,
  schema_exports,
  init_schema,
  Command,
  createAggregatedClient,
  ServiceException,
  decorateServiceException,
  loadConfigsForDefaultMode,
  emitWarningIfUnsupportedVersion,
  getDefaultExtensionConfiguration,
  resolveDefaultRuntimeConfig,
  getValueFromTextNode,
  NoOpLogger,
  makeBuilder,
  client_exports,
  init_client2 as init_client,
  REGION_ENV_NAME,
  REGION_INI_NAME,
  NODE_REGION_CONFIG_OPTIONS,
  NODE_REGION_CONFIG_FILE_OPTIONS,
  resolveRegionConfig,
  resolveDefaultsModeConfig,
  config_exports,
  init_config2 as init_config,
  resolveParams,
  BinaryDecisionDiagram,
  EndpointCache,
  EndpointError,
  customEndpointFunctions,
  isIpAddress,
  decideEndpoint,
  resolveEndpoint,
  resolveEndpointConfig,
  getEndpointPlugin,
  endpoints_exports,
  init_endpoints,
  sdkStreamMixin2 as sdkStreamMixin,
  writeKey,
  Uint8ArrayBlobAdapter,
  v4,
  generateIdempotencyToken,
  serde_exports,
  init_serde,
  Crc32Node,
  Sha256Node,
  checksum_exports,
  init_checksum2 as init_checksum
};
