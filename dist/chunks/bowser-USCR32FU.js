import { createRequire as __ibCreateRequire } from 'node:module'; const require = __ibCreateRequire(import.meta.url);
import {
  __esm
} from "./chunk-EHNN3ETZ.js";

// node_modules/bowser/bowser.mjs
function _defineProperties(e, r) {
  for (var t = 0; t < r.length; t++) {
    var o = r[t];
    o.enumerable = o.enumerable || !1, o.configurable = !0, "value" in o && (o.writable = !0), Object.defineProperty(e, _toPropertyKey(o.key), o);
  }
}
function _createClass(e, r, t) {
  return r && _defineProperties(e.prototype, r), t && _defineProperties(e, t), Object.defineProperty(e, "prototype", {
    writable: !1
  }), e;
}
function _toPropertyKey(t) {
  var i = _toPrimitive(t, "string");
  return typeof i == "symbol" ? i : i + "";
}
function _toPrimitive(t, r) {
  if (typeof t != "object" || !t) return t;
  var e = t[Symbol.toPrimitive];
  if (e !== void 0) {
    var i = e.call(t, r || "default");
    if (typeof i != "object") return i;
    throw new TypeError("@@toPrimitive must return a primitive value.");
  }
  return (r === "string" ? String : Number)(t);
}
var BROWSER_ALIASES_MAP, BROWSER_MAP, PLATFORMS_MAP, OS_MAP, ENGINE_MAP, Utils, commonVersionIdentifier, browsersList, parser_os_default, parser_platforms_default, parser_engines_default, Parser, Bowser, parse, getParser, init_bowser = __esm({
  "node_modules/bowser/bowser.mjs"() {
    BROWSER_ALIASES_MAP = {
      AmazonBot: "amazonbot",
      "Amazon Silk": "amazon_silk",
      "Android Browser": "android",
      BaiduSpider: "baiduspider",
      Bada: "bada",
      "Bertina Browser": "bertina",
      BingCrawler: "bingcrawler",
      Brave: "brave",
      BlackBerry: "blackberry",
      "ChatGPT-User": "chatgpt_user",
      Chrome: "chrome",
      ClaudeBot: "claudebot",
      Chromium: "chromium",
      Diffbot: "diffbot",
      DuckDuckBot: "duckduckbot",
      DuckDuckGo: "duckduckgo",
      Electron: "electron",
      Epiphany: "epiphany",
      FacebookExternalHit: "facebookexternalhit",
      Firefox: "firefox",
      Freebox: "freebox",
      Focus: "focus",
      Generic: "generic",
      "Google Search": "google_search",
      Googlebot: "googlebot",
      GPTBot: "gptbot",
      "HeyTap Browser": "heytap",
      "Internet Explorer": "ie",
      InternetArchiveCrawler: "internetarchivecrawler",
      "K-Meleon": "k_meleon",
      Ladybird: "ladybird",
      LibreWolf: "librewolf",
      Linespider: "linespider",
      Maxthon: "maxthon",
      "Meta-ExternalAds": "meta_externalads",
      "Meta-ExternalAgent": "meta_externalagent",
      "Meta-ExternalFetcher": "meta_externalfetcher",
      "Meta-WebIndexer": "meta_webindexer",
      "Microsoft Edge": "edge",
      "MZ Browser": "mz",
      "NAVER Whale Browser": "naver",
      "OAI-SearchBot": "oai_searchbot",
      Omgilibot: "omgilibot",
      Opera: "opera",
      "Opera Coast": "opera_coast",
      "Pale Moon": "pale_moon",
      PerplexityBot: "perplexitybot",
      "Perplexity-User": "perplexity_user",
      PhantomJS: "phantomjs",
      PingdomBot: "pingdombot",
      Puffin: "puffin",
      QQ: "qq",
      QQLite: "qqlite",
      QupZilla: "qupzilla",
      Roku: "roku",
      Safari: "safari",
      Sailfish: "sailfish",
      "Samsung Internet for Android": "samsung_internet",
      SlackBot: "slackbot",
      SeaMonkey: "seamonkey",
      Sleipnir: "sleipnir",
      "Sogou Browser": "sogou",
      Swing: "swing",
      Tizen: "tizen",
      "UC Browser": "uc",
      "Vivo Browser": "vivo",
      Vivaldi: "vivaldi",
      "WebOS Browser": "webos",
      WeChat: "wechat",
      YahooSlurp: "yahooslurp",
      "Yandex Browser": "yandex",
      YandexBot: "yandexbot",
      YouBot: "youbot"
    }, BROWSER_MAP = {
      amazonbot: "AmazonBot",
      amazon_silk: "Amazon Silk",
      android: "Android Browser",
      baiduspider: "BaiduSpider",
      bada: "Bada",
      bertina: "Bertina Browser",
      bingcrawler: "BingCrawler",
      blackberry: "BlackBerry",
      brave: "Brave",
      chatgpt_user: "ChatGPT-User",
      chrome: "Chrome",
      claudebot: "ClaudeBot",
      chromium: "Chromium",
      diffbot: "Diffbot",
      duckduckbot: "DuckDuckBot",
      duckduckgo: "DuckDuckGo",
      edge: "Microsoft Edge",
      electron: "Electron",
      epiphany: "Epiphany",
      facebookexternalhit: "FacebookExternalHit",
      firefox: "Firefox",
      freebox: "Freebox",
      focus: "Focus",
      generic: "Generic",
      google_search: "Google Search",
      googlebot: "Googlebot",
      gptbot: "GPTBot",
      heytap: "HeyTap Browser",
      ie: "Internet Explorer",
      internetarchivecrawler: "InternetArchiveCrawler",
      k_meleon: "K-Meleon",
      ladybird: "Ladybird",
      librewolf: "LibreWolf",
      linespider: "Linespider",
      maxthon: "Maxthon",
      meta_externalads: "Meta-ExternalAds",
      meta_externalagent: "Meta-ExternalAgent",
      meta_externalfetcher: "Meta-ExternalFetcher",
      meta_webindexer: "Meta-WebIndexer",
      mz: "MZ Browser",
      naver: "NAVER Whale Browser",
      oai_searchbot: "OAI-SearchBot",
      omgilibot: "Omgilibot",
      opera: "Opera",
      opera_coast: "Opera Coast",
      pale_moon: "Pale Moon",
      perplexitybot: "PerplexityBot",
      perplexity_user: "Perplexity-User",
      phantomjs: "PhantomJS",
      pingdombot: "PingdomBot",
      puffin: "Puffin",
      qq: "QQ Browser",
      qqlite: "QQ Browser Lite",
      qupzilla: "QupZilla",
      roku: "Roku",
      safari: "Safari",
      sailfish: "Sailfish",
      samsung_internet: "Samsung Internet for Android",
      seamonkey: "SeaMonkey",
      slackbot: "SlackBot",
      sleipnir: "Sleipnir",
      sogou: "Sogou Browser",
      swing: "Swing",
      tizen: "Tizen",
      uc: "UC Browser",
      vivo: "Vivo Browser",
      vivaldi: "Vivaldi",
      webos: "WebOS Browser",
      wechat: "WeChat",
      yahooslurp: "YahooSlurp",
      yandex: "Yandex Browser",
      yandexbot: "YandexBot",
      youbot: "YouBot"
    }, PLATFORMS_MAP = {
      bot: "bot",
      desktop: "desktop",
      mobile: "mobile",
      tablet: "tablet",
      tv: "tv"
    }, OS_MAP = {
      Android: "Android",
      Bada: "Bada",
      BlackBerry: "BlackBerry",
      ChromeOS: "Chrome OS",
      HarmonyOS: "HarmonyOS",
      iOS: "iOS",
      Linux: "Linux",
      MacOS: "macOS",
      PlayStation4: "PlayStation 4",
      Roku: "Roku",
      Tizen: "Tizen",
      WebOS: "WebOS",
      Windows: "Windows",
      WindowsPhone: "Windows Phone"
    }, ENGINE_MAP = {
      Blink: "Blink",
      EdgeHTML: "EdgeHTML",
      Gecko: "Gecko",
      LibWeb: "LibWeb",
      Presto: "Presto",
      Trident: "Trident",
      WebKit: "WebKit"
    }, Utils = /* @__PURE__ */ (function() {
      function Utils2() {
      }
      return Utils2.getFirstMatch = function(regexp, ua) {
        var match = ua.match(regexp);
        return match && match.length > 0 && match[1] || "";
      }, Utils2.getSecondMatch = function(regexp, ua) {
        var match = ua.match(regexp);
        return match && match.length > 1 && match[2] || "";
      }, Utils2.matchAndReturnConst = function(regexp, ua, _const) {
        if (regexp.test(ua)) return _const;
      }, Utils2.isFirefoxOnIpad = function(ua) {
        var macIndex = ua.indexOf("Macintosh");
        if (macIndex === -1) return !1;
        var fxiosIndex = ua.indexOf(" FxiOS", macIndex + 9);
        return fxiosIndex !== -1 && ua.indexOf("/", fxiosIndex + 6) !== -1;
      }, Utils2.getWindowsVersionName = function(version) {
        switch (version) {
          case "NT":
            return "NT";
          case "XP":
            return "XP";
          case "NT 5.0":
            return "2000";
          case "NT 5.1":
            return "XP";
          case "NT 5.2":
            return "2003";
          case "NT 6.0":
            return "Vista";
          case "NT 6.1":
            return "7";
          case "NT 6.2":
            return "8";
          case "NT 6.3":
            return "8.1";
          case "NT 10.0":
            return "10";
          default:
            return;
        }
      }, Utils2.getMacOSVersionName = function(version) {
        var v = version.split(".").splice(0, 2).map(function(s) {
          return parseInt(s, 10) || 0;
        });
        v.push(0);
        var major = v[0], minor = v[1];
        if (major === 10) switch (minor) {
          case 5:
            return "Leopard";
          case 6:
            return "Snow Leopard";
          case 7:
            return "Lion";
          case 8:
            return "Mountain Lion";
          case 9:
            return "Mavericks";
          case 10:
            return "Yosemite";
          case 11:
            return "El Capitan";
          case 12:
            return "Sierra";
          case 13:
            return "High Sierra";
          case 14:
            return "Mojave";
          case 15:
            return "Catalina";
          default:
            return;
        }
        switch (major) {
          case 11:
            return "Big Sur";
          case 12:
            return "Monterey";
          case 13:
            return "Ventura";
          case 14:
            return "Sonoma";
          case 15:
            return "Sequoia";
          default:
            return;
        }
      }, Utils2.getAndroidVersionName = function(version) {
        var v = version.split(".").splice(0, 2).map(function(s) {
          return parseInt(s, 10) || 0;
        });
        if (v.push(0), !(v[0] === 1 && v[1] < 5)) {
          if (v[0] === 1 && v[1] < 6) return "Cupcake";
          if (v[0] === 1 && v[1] >= 6) return "Donut";
          if (v[0] === 2 && v[1] < 2) return "Eclair";
          if (v[0] === 2 && v[1] === 2) return "Froyo";
          if (v[0] === 2 && v[1] > 2) return "Gingerbread";
          if (v[0] === 3) return "Honeycomb";
          if (v[0] === 4 && v[1] < 1) return "Ice Cream Sandwich";
          if (v[0] === 4 && v[1] < 4) return "Jelly Bean";
          if (v[0] === 4 && v[1] >= 4) return "KitKat";
          if (v[0] === 5) return "Lollipop";
          if (v[0] === 6) return "Marshmallow";
          if (v[0] === 7) return "Nougat";
          if (v[0] === 8) return "Oreo";
          if (v[0] === 9) return "Pie";
        }
      }, Utils2.getVersionPrecision = function(version) {
        return version.split(".").length;
      }, Utils2.compareVersions = function(versionA, versionB, isLoose) {
        isLoose === void 0 && (isLoose = !1);
        var versionAPrecision = Utils2.getVersionPrecision(versionA), versionBPrecision = Utils2.getVersionPrecision(versionB), precision = Math.max(versionAPrecision, versionBPrecision), lastPrecision = 0, chunks = Utils2.map([versionA, versionB], function(version) {
          var delta = precision - Utils2.getVersionPrecision(version), _version = version + new Array(delta + 1).join(".0");
          return Utils2.map(_version.split("."), function(chunk) {
            return new Array(20 - chunk.length).join("0") + chunk;
          }).reverse();
        });
        for (isLoose && (lastPrecision = precision - Math.min(versionAPrecision, versionBPrecision)), precision -= 1; precision >= lastPrecision; ) {
          if (chunks[0][precision] > chunks[1][precision]) return 1;
          if (chunks[0][precision] === chunks[1][precision]) {
            if (precision === lastPrecision) return 0;
            precision -= 1;
          } else if (chunks[0][precision] < chunks[1][precision]) return -1;
        }
      }, Utils2.map = function(arr, iterator) {
        var result = [], i;
        if (Array.prototype.map) return Array.prototype.map.call(arr, iterator);
        for (i = 0; i < arr.length; i += 1) result.push(iterator(arr[i]));
        return result;
      }, Utils2.find = function(arr, predicate) {
        var i, l;
        if (Array.prototype.find) return Array.prototype.find.call(arr, predicate);
        for (i = 0, l = arr.length; i < l; i += 1) {
          var value = arr[i];
          if (predicate(value, i)) return value;
        }
      }, Utils2.assign = function(obj) {
        for (var result = obj, i, l, _len = arguments.length, assigners = new Array(_len > 1 ? _len - 1 : 0), _key = 1; _key < _len; _key++) assigners[_key - 1] = arguments[_key];
        if (Object.assign) return Object.assign.apply(Object, [obj].concat(assigners));
        var _loop = function() {
          var assigner = assigners[i];
          typeof assigner == "object" && assigner !== null && Object.keys(assigner).forEach(function(key) {
            result[key] = assigner[key];
          });
        };
        for (i = 0, l = assigners.length; i < l; i += 1) _loop();
        return obj;
      }, Utils2.getBrowserAlias = function(browserName) {
        return BROWSER_ALIASES_MAP[browserName];
      }, Utils2.getBrowserTypeByAlias = function(browserAlias) {
        return BROWSER_MAP[browserAlias] || "";
      }, Utils2;
    })(), commonVersionIdentifier = /version\/(\d+(\.?_?\d+)+)/i, browsersList = [{
      test: [/gptbot/i],
      describe: function(ua) {
        var browser = {
          name: "GPTBot"
        }, version = Utils.getFirstMatch(/gptbot\/(\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/chatgpt-user/i],
      describe: function(ua) {
        var browser = {
          name: "ChatGPT-User"
        }, version = Utils.getFirstMatch(/chatgpt-user\/(\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/oai-searchbot/i],
      describe: function(ua) {
        var browser = {
          name: "OAI-SearchBot"
        }, version = Utils.getFirstMatch(/oai-searchbot\/(\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/claudebot/i, /claude-web/i, /claude-user/i, /claude-searchbot/i],
      describe: function(ua) {
        var browser = {
          name: "ClaudeBot"
        }, version = Utils.getFirstMatch(/(?:claudebot|claude-web|claude-user|claude-searchbot)\/(\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/omgilibot/i, /webzio-extended/i],
      describe: function(ua) {
        var browser = {
          name: "Omgilibot"
        }, version = Utils.getFirstMatch(/(?:omgilibot|webzio-extended)\/(\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/diffbot/i],
      describe: function(ua) {
        var browser = {
          name: "Diffbot"
        }, version = Utils.getFirstMatch(/diffbot\/(\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/perplexitybot/i],
      describe: function(ua) {
        var browser = {
          name: "PerplexityBot"
        }, version = Utils.getFirstMatch(/perplexitybot\/(\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/perplexity-user/i],
      describe: function(ua) {
        var browser = {
          name: "Perplexity-User"
        }, version = Utils.getFirstMatch(/perplexity-user\/(\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/youbot/i],
      describe: function(ua) {
        var browser = {
          name: "YouBot"
        }, version = Utils.getFirstMatch(/youbot\/(\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/meta-webindexer/i],
      describe: function(ua) {
        var browser = {
          name: "Meta-WebIndexer"
        }, version = Utils.getFirstMatch(/meta-webindexer\/(\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/meta-externalads/i],
      describe: function(ua) {
        var browser = {
          name: "Meta-ExternalAds"
        }, version = Utils.getFirstMatch(/meta-externalads\/(\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/meta-externalagent/i],
      describe: function(ua) {
        var browser = {
          name: "Meta-ExternalAgent"
        }, version = Utils.getFirstMatch(/meta-externalagent\/(\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/meta-externalfetcher/i],
      describe: function(ua) {
        var browser = {
          name: "Meta-ExternalFetcher"
        }, version = Utils.getFirstMatch(/meta-externalfetcher\/(\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/googlebot/i],
      describe: function(ua) {
        var browser = {
          name: "Googlebot"
        }, version = Utils.getFirstMatch(/googlebot\/(\d+(\.\d+))/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/linespider/i],
      describe: function(ua) {
        var browser = {
          name: "Linespider"
        }, version = Utils.getFirstMatch(/(?:linespider)(?:-[-\w]{1,64})?[\s/](\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/amazonbot/i],
      describe: function(ua) {
        var browser = {
          name: "AmazonBot"
        }, version = Utils.getFirstMatch(/amazonbot\/(\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/bingbot/i],
      describe: function(ua) {
        var browser = {
          name: "BingCrawler"
        }, version = Utils.getFirstMatch(/bingbot\/(\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/baiduspider/i],
      describe: function(ua) {
        var browser = {
          name: "BaiduSpider"
        }, version = Utils.getFirstMatch(/baiduspider\/(\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/duckduckbot/i],
      describe: function(ua) {
        var browser = {
          name: "DuckDuckBot"
        }, version = Utils.getFirstMatch(/duckduckbot\/(\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/ia_archiver/i],
      describe: function(ua) {
        var browser = {
          name: "InternetArchiveCrawler"
        }, version = Utils.getFirstMatch(/ia_archiver\/(\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/facebookexternalhit/i, /facebookcatalog/i],
      describe: function() {
        return {
          name: "FacebookExternalHit"
        };
      }
    }, {
      test: [/slackbot/i, /slack-imgProxy/i],
      describe: function(ua) {
        var browser = {
          name: "SlackBot"
        }, version = Utils.getFirstMatch(/(?:slackbot|slack-imgproxy)(?:-[-\w]{1,64})?[\s/](\d+(\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/yahoo!?[\s/]*slurp/i],
      describe: function() {
        return {
          name: "YahooSlurp"
        };
      }
    }, {
      test: [/yandexbot/i, /yandexmobilebot/i],
      describe: function() {
        return {
          name: "YandexBot"
        };
      }
    }, {
      test: [/pingdom/i],
      describe: function() {
        return {
          name: "PingdomBot"
        };
      }
    }, {
      test: [/opera/i],
      describe: function(ua) {
        var browser = {
          name: "Opera"
        }, version = Utils.getFirstMatch(commonVersionIdentifier, ua) || Utils.getFirstMatch(/(?:opera)[\s/](\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/opr\/|opios/i],
      describe: function(ua) {
        var browser = {
          name: "Opera"
        }, version = Utils.getFirstMatch(/(?:opr|opios)[\s/](\d+(?:\.\d+)*)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/SamsungBrowser/i],
      describe: function(ua) {
        var browser = {
          name: "Samsung Internet for Android"
        }, version = Utils.getFirstMatch(commonVersionIdentifier, ua) || Utils.getFirstMatch(/(?:SamsungBrowser)[\s/](\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/Whale/i],
      describe: function(ua) {
        var browser = {
          name: "NAVER Whale Browser"
        }, version = Utils.getFirstMatch(commonVersionIdentifier, ua) || Utils.getFirstMatch(/(?:whale)[\s/](\d+(?:\.\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/PaleMoon/i],
      describe: function(ua) {
        var browser = {
          name: "Pale Moon"
        }, version = Utils.getFirstMatch(commonVersionIdentifier, ua) || Utils.getFirstMatch(/(?:PaleMoon)[\s/](\d+(?:\.\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/HeyTapBrowser/i],
      describe: function(ua) {
        var browser = {
          name: "HeyTap Browser"
        }, version = Utils.getFirstMatch(/(?:HeyTapBrowser)[\s/](\d+(?:\.\d+)*)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/VivoBrowser/i],
      describe: function(ua) {
        var browser = {
          name: "Vivo Browser"
        }, version = Utils.getFirstMatch(/(?:VivoBrowser)[\s/](\d+(?:\.\d+)*)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/MZBrowser/i],
      describe: function(ua) {
        var browser = {
          name: "MZ Browser"
        }, version = Utils.getFirstMatch(/(?:MZBrowser)[\s/](\d+(?:\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/focus/i],
      describe: function(ua) {
        var browser = {
          name: "Focus"
        }, version = Utils.getFirstMatch(/(?:focus)[\s/](\d+(?:\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/swing/i],
      describe: function(ua) {
        var browser = {
          name: "Swing"
        }, version = Utils.getFirstMatch(/(?:swing)[\s/](\d+(?:\.\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/coast/i],
      describe: function(ua) {
        var browser = {
          name: "Opera Coast"
        }, version = Utils.getFirstMatch(commonVersionIdentifier, ua) || Utils.getFirstMatch(/(?:coast)[\s/](\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/opt\/\d+(?:.?_?\d+)+/i],
      describe: function(ua) {
        var browser = {
          name: "Opera Touch"
        }, version = Utils.getFirstMatch(/(?:opt)[\s/](\d+(\.?_?\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/\sbertina\//i],
      describe: function(ua) {
        var browser = {
          name: "Bertina Browser"
        }, version = Utils.getFirstMatch(/(?:bertina)\/(\d+(\.?_?\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/yabrowser/i],
      describe: function(ua) {
        var browser = {
          name: "Yandex Browser"
        }, version = Utils.getFirstMatch(/(?:yabrowser)[\s/](\d+(\.?_?\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/ucbrowser|ucmobile\//i, /\bucpc\//i, /\bubrowser\//i],
      describe: function(ua) {
        var browser = {
          name: "UC Browser"
        }, version = Utils.getFirstMatch(/(?:ucbrowser[\s/]?|ucmobile\/|\bucpc\/|\bubrowser\/)(\d+(\.?_?\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/Maxthon|mxios/i],
      describe: function(ua) {
        var browser = {
          name: "Maxthon"
        }, version = Utils.getFirstMatch(commonVersionIdentifier, ua) || Utils.getFirstMatch(/(?:Maxthon|mxios)[\s/](\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/epiphany/i],
      describe: function(ua) {
        var browser = {
          name: "Epiphany"
        }, version = Utils.getFirstMatch(commonVersionIdentifier, ua) || Utils.getFirstMatch(/(?:epiphany)[\s/](\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/puffin/i],
      describe: function(ua) {
        var browser = {
          name: "Puffin"
        }, version = Utils.getFirstMatch(commonVersionIdentifier, ua) || Utils.getFirstMatch(/(?:puffin)[\s/](\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/sleipnir/i],
      describe: function(ua) {
        var browser = {
          name: "Sleipnir"
        }, version = Utils.getFirstMatch(commonVersionIdentifier, ua) || Utils.getFirstMatch(/(?:sleipnir)[\s/](\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/k-meleon/i],
      describe: function(ua) {
        var browser = {
          name: "K-Meleon"
        }, version = Utils.getFirstMatch(commonVersionIdentifier, ua) || Utils.getFirstMatch(/(?:k-meleon)[\s/](\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/micromessenger/i],
      describe: function(ua) {
        var browser = {
          name: "WeChat"
        }, version = Utils.getFirstMatch(/(?:micromessenger)[\s/](\d+(\.?_?\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/qqbrowser/i],
      describe: function(ua) {
        var browser = {
          name: /qqbrowserlite/i.test(ua) ? "QQ Browser Lite" : "QQ Browser"
        }, version = Utils.getFirstMatch(/(?:qqbrowserlite|qqbrowser)[/](\d+(\.?_?\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/msie|trident/i],
      describe: function(ua) {
        var browser = {
          name: "Internet Explorer"
        }, version = Utils.getFirstMatch(/(?:msie |rv:)(\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/\sedg\//i],
      describe: function(ua) {
        var browser = {
          name: "Microsoft Edge"
        }, version = Utils.getFirstMatch(/\sedg\/(\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/edg([ea]|ios)\//i],
      describe: function(ua) {
        var browser = {
          name: "Microsoft Edge"
        }, version = Utils.getSecondMatch(/edg([ea]|ios)\/(\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: function(parser) {
        return parser.hasBrand("Vivaldi") ? !0 : parser.test(/vivaldi/i);
      },
      describe: function(ua, parser) {
        var browser = {
          name: "Vivaldi"
        };
        if (parser) {
          var hintsVersion = parser.getBrandVersion("Vivaldi");
          if (hintsVersion)
            return browser.version = hintsVersion, browser;
        }
        var version = Utils.getFirstMatch(/vivaldi\/(\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/seamonkey/i],
      describe: function(ua) {
        var browser = {
          name: "SeaMonkey"
        }, version = Utils.getFirstMatch(/seamonkey\/(\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/sailfish/i],
      describe: function(ua) {
        var browser = {
          name: "Sailfish"
        }, version = Utils.getFirstMatch(/sailfish\s?browser\/(\d+(\.\d+)?)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/silk/i],
      describe: function(ua) {
        var browser = {
          name: "Amazon Silk"
        }, version = Utils.getFirstMatch(/silk\/(\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/phantom/i],
      describe: function(ua) {
        var browser = {
          name: "PhantomJS"
        }, version = Utils.getFirstMatch(/phantomjs\/(\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/slimerjs/i],
      describe: function(ua) {
        var browser = {
          name: "SlimerJS"
        }, version = Utils.getFirstMatch(/slimerjs\/(\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/blackberry|\bbb\d+/i, /rim\stablet/i],
      describe: function(ua) {
        var browser = {
          name: "BlackBerry"
        }, version = Utils.getFirstMatch(commonVersionIdentifier, ua) || Utils.getFirstMatch(/blackberry[\d]+\/(\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/(web|hpw)[o0]s/i],
      describe: function(ua) {
        var browser = {
          name: "WebOS Browser"
        }, version = Utils.getFirstMatch(commonVersionIdentifier, ua) || Utils.getFirstMatch(/w(?:eb)?[o0]sbrowser\/(\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/bada/i],
      describe: function(ua) {
        var browser = {
          name: "Bada"
        }, version = Utils.getFirstMatch(/dolfin\/(\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/tizen/i],
      describe: function(ua) {
        var browser = {
          name: "Tizen"
        }, version = Utils.getFirstMatch(/(?:tizen\s?)?browser\/(\d+(\.?_?\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/qupzilla/i],
      describe: function(ua) {
        var browser = {
          name: "QupZilla"
        }, version = Utils.getFirstMatch(/(?:qupzilla)[\s/](\d+(\.?_?\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/librewolf/i],
      describe: function(ua) {
        var browser = {
          name: "LibreWolf"
        }, version = Utils.getFirstMatch(/(?:librewolf)[\s/](\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/firefox|iceweasel|fxios/i],
      describe: function(ua) {
        var browser = {
          name: "Firefox"
        }, version = Utils.getFirstMatch(/(?:firefox|iceweasel|fxios)[\s/](\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/electron/i],
      describe: function(ua) {
        var browser = {
          name: "Electron"
        }, version = Utils.getFirstMatch(/(?:electron)\/(\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/sogoumobilebrowser/i, /metasr/i, /se 2\.[x]/i],
      describe: function(ua) {
        var browser = {
          name: "Sogou Browser"
        }, sogouMobileVersion = Utils.getFirstMatch(/(?:sogoumobilebrowser)[\s/](\d+(\.?_?\d+)+)/i, ua), chromiumVersion = Utils.getFirstMatch(/(?:chrome|crios|crmo)\/(\d+(\.?_?\d+)+)/i, ua), seVersion = Utils.getFirstMatch(/se ([\d.]+)x/i, ua), version = sogouMobileVersion || chromiumVersion || seVersion;
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/MiuiBrowser/i],
      describe: function(ua) {
        var browser = {
          name: "Miui"
        }, version = Utils.getFirstMatch(/(?:MiuiBrowser)[\s/](\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: function(parser) {
        return parser.hasBrand("DuckDuckGo") ? !0 : parser.test(/\sDdg\/[\d.]+$/i);
      },
      describe: function(ua, parser) {
        var browser = {
          name: "DuckDuckGo"
        };
        if (parser) {
          var hintsVersion = parser.getBrandVersion("DuckDuckGo");
          if (hintsVersion)
            return browser.version = hintsVersion, browser;
        }
        var uaVersion = Utils.getFirstMatch(/\sDdg\/([\d.]+)$/i, ua);
        return uaVersion && (browser.version = uaVersion), browser;
      }
    }, {
      test: function(parser) {
        return parser.hasBrand("Brave");
      },
      describe: function(ua, parser) {
        var browser = {
          name: "Brave"
        };
        if (parser) {
          var hintsVersion = parser.getBrandVersion("Brave");
          if (hintsVersion)
            return browser.version = hintsVersion, browser;
        }
        return browser;
      }
    }, {
      test: [/chromium/i],
      describe: function(ua) {
        var browser = {
          name: "Chromium"
        }, version = Utils.getFirstMatch(/(?:chromium)[\s/](\d+(\.?_?\d+)+)/i, ua) || Utils.getFirstMatch(commonVersionIdentifier, ua) || Utils.getFirstMatch(/(?:chrome)\/(\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/ladybird/i],
      describe: function(ua) {
        var browser = {
          name: "Ladybird"
        }, version = Utils.getFirstMatch(/ladybird\/(\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/chrome|crios|crmo/i],
      describe: function(ua) {
        var browser = {
          name: "Chrome"
        }, version = Utils.getFirstMatch(/(?:chrome|crios|crmo)\/(\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/\bGSA\//i],
      describe: function(ua) {
        var browser = {
          name: "Google Search"
        }, version = Utils.getFirstMatch(/(?:GSA)\/(\d+(\.?_?\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: function(parser) {
        var notLikeAndroid = !parser.test(/like android/i), butAndroid = parser.test(/android/i);
        return notLikeAndroid && butAndroid;
      },
      describe: function(ua) {
        var browser = {
          name: "Android Browser"
        }, version = Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/playstation 4/i],
      describe: function(ua) {
        var browser = {
          name: "PlayStation 4"
        }, version = Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/freebox/i],
      describe: function(ua) {
        var browser = {
          name: "Freebox"
        }, version = Utils.getFirstMatch(/navigateur web\/(\d+(\.\d+)+)/i, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/safari|applewebkit/i],
      describe: function(ua) {
        var browser = {
          name: "Safari"
        }, version = Utils.getFirstMatch(commonVersionIdentifier, ua);
        return version && (browser.version = version), browser;
      }
    }, {
      test: [/.*/i],
      describe: function(ua) {
        var regexp = ua.search("\\(") !== -1 ? /^(.*)\/([^/]*)[ \t]\((.*)/ : /^(.*)\/([^/]*) /;
        return {
          name: Utils.getFirstMatch(regexp, ua),
          version: Utils.getSecondMatch(regexp, ua)
        };
      }
    }], parser_os_default = [{
      test: [/Roku\/DVP/],
      describe: function(ua) {
        var version = Utils.getFirstMatch(/Roku\/DVP-(\d+\.\d+)/i, ua);
        return {
          name: OS_MAP.Roku,
          version
        };
      }
    }, {
      test: [/windows phone/i],
      describe: function(ua) {
        var version = Utils.getFirstMatch(/windows phone (?:os)?\s?(\d+(\.\d+)*)/i, ua);
        return {
          name: OS_MAP.WindowsPhone,
          version
        };
      }
    }, {
      test: [/windows /i],
      describe: function(ua) {
        var version = Utils.getFirstMatch(/Windows ((NT|XP)( \d\d?.\d)?)/i, ua), versionName = Utils.getWindowsVersionName(version);
        return {
          name: OS_MAP.Windows,
          version,
          versionName
        };
      }
    }, {
      test: function(parser) {
        return Utils.isFirefoxOnIpad(parser.getUA());
      },
      describe: function(ua) {
        var result = {
          name: OS_MAP.iOS
        }, version = Utils.getSecondMatch(/(Version\/)(\d[\d.]+)/, ua);
        return version && (result.version = version), result;
      }
    }, {
      test: [/macintosh/i],
      describe: function(ua) {
        var version = Utils.getFirstMatch(/mac os x (\d+(\.?_?\d+)+)/i, ua).replace(/[_\s]/g, "."), versionName = Utils.getMacOSVersionName(version), os = {
          name: OS_MAP.MacOS,
          version
        };
        return versionName && (os.versionName = versionName), os;
      }
    }, {
      test: [/(ipod|iphone|ipad)/i],
      describe: function(ua) {
        var version = Utils.getFirstMatch(/os (\d+([_\s]\d+)*) like mac os x/i, ua).replace(/[_\s]/g, "."), safariVersion = Utils.getFirstMatch(/version\/(\d+(\.\d+)*) mobile\/\w+ safari\//i, ua);
        return /^18(\.|$)/.test(version) && parseInt(safariVersion, 10) >= 26 && (version = safariVersion), {
          name: OS_MAP.iOS,
          version
        };
      }
    }, {
      test: [/OpenHarmony/i],
      describe: function(ua) {
        var version = Utils.getFirstMatch(/OpenHarmony\s+(\d+(\.\d+)*)/i, ua);
        return {
          name: OS_MAP.HarmonyOS,
          version
        };
      }
    }, {
      test: function(parser) {
        var notLikeAndroid = !parser.test(/like android/i), butAndroid = parser.test(/android/i);
        return notLikeAndroid && butAndroid;
      },
      describe: function(ua) {
        var version = Utils.getFirstMatch(/android[\s/-](\d+(\.\d+)*)/i, ua), versionName = Utils.getAndroidVersionName(version), os = {
          name: OS_MAP.Android,
          version
        };
        return versionName && (os.versionName = versionName), os;
      }
    }, {
      test: [/(web|hpw)[o0]s/i],
      describe: function(ua) {
        var version = Utils.getFirstMatch(/(?:web|hpw)[o0]s\/(\d+(\.\d+)*)/i, ua), os = {
          name: OS_MAP.WebOS
        };
        return version && version.length && (os.version = version), os;
      }
    }, {
      test: [/blackberry|\bbb\d+/i, /rim\stablet/i],
      describe: function(ua) {
        var version = Utils.getFirstMatch(/rim\stablet\sos\s(\d+(\.\d+)*)/i, ua) || Utils.getFirstMatch(/blackberry\d+\/(\d+([_\s]\d+)*)/i, ua) || Utils.getFirstMatch(/\bbb(\d+)/i, ua);
        return {
          name: OS_MAP.BlackBerry,
          version
        };
      }
    }, {
      test: [/bada/i],
      describe: function(ua) {
        var version = Utils.getFirstMatch(/bada\/(\d+(\.\d+)*)/i, ua);
        return {
          name: OS_MAP.Bada,
          version
        };
      }
    }, {
      test: [/tizen/i],
      describe: function(ua) {
        var version = Utils.getFirstMatch(/tizen[/\s](\d+(\.\d+)*)/i, ua);
        return {
          name: OS_MAP.Tizen,
          version
        };
      }
    }, {
      test: [/linux/i],
      describe: function() {
        return {
          name: OS_MAP.Linux
        };
      }
    }, {
      test: [/CrOS/],
      describe: function() {
        return {
          name: OS_MAP.ChromeOS
        };
      }
    }, {
      test: [/PlayStation 4/],
      describe: function(ua) {
        var version = Utils.getFirstMatch(/PlayStation 4[/\s](\d+(\.\d+)*)/i, ua);
        return {
          name: OS_MAP.PlayStation4,
          version
        };
      }
    }], parser_platforms_default = [{
      test: [/googlebot/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Google"
        };
      }
    }, {
      test: [/linespider/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Line"
        };
      }
    }, {
      test: [/amazonbot/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Amazon"
        };
      }
    }, {
      test: [/gptbot/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "OpenAI"
        };
      }
    }, {
      test: [/chatgpt-user/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "OpenAI"
        };
      }
    }, {
      test: [/oai-searchbot/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "OpenAI"
        };
      }
    }, {
      test: [/baiduspider/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Baidu"
        };
      }
    }, {
      test: [/bingbot/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Bing"
        };
      }
    }, {
      test: [/duckduckbot/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "DuckDuckGo"
        };
      }
    }, {
      test: [/claudebot/i, /claude-web/i, /claude-user/i, /claude-searchbot/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Anthropic"
        };
      }
    }, {
      test: [/omgilibot/i, /webzio-extended/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Webz.io"
        };
      }
    }, {
      test: [/diffbot/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Diffbot"
        };
      }
    }, {
      test: [/perplexitybot/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Perplexity AI"
        };
      }
    }, {
      test: [/perplexity-user/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Perplexity AI"
        };
      }
    }, {
      test: [/youbot/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "You.com"
        };
      }
    }, {
      test: [/ia_archiver/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Internet Archive"
        };
      }
    }, {
      test: [/meta-webindexer/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Meta"
        };
      }
    }, {
      test: [/meta-externalads/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Meta"
        };
      }
    }, {
      test: [/meta-externalagent/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Meta"
        };
      }
    }, {
      test: [/meta-externalfetcher/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Meta"
        };
      }
    }, {
      test: [/facebookexternalhit/i, /facebookcatalog/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Meta"
        };
      }
    }, {
      test: [/slackbot/i, /slack-imgProxy/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Slack"
        };
      }
    }, {
      test: [/yahoo/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Yahoo"
        };
      }
    }, {
      test: [/yandexbot/i, /yandexmobilebot/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Yandex"
        };
      }
    }, {
      test: [/pingdom/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.bot,
          vendor: "Pingdom"
        };
      }
    }, {
      test: [/huawei/i],
      describe: function(ua) {
        var model = Utils.getFirstMatch(/(can-l01)/i, ua) && "Nova", platform = {
          type: PLATFORMS_MAP.mobile,
          vendor: "Huawei"
        };
        return model && (platform.model = model), platform;
      }
    }, {
      test: [/nexus\s*(?:7|8|9|10).*/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.tablet,
          vendor: "Nexus"
        };
      }
    }, {
      test: [/ipad/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.tablet,
          vendor: "Apple",
          model: "iPad"
        };
      }
    }, {
      test: function(parser) {
        return Utils.isFirefoxOnIpad(parser.getUA());
      },
      describe: function() {
        return {
          type: PLATFORMS_MAP.tablet,
          vendor: "Apple",
          model: "iPad"
        };
      }
    }, {
      test: [/kftt build/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.tablet,
          vendor: "Amazon",
          model: "Kindle Fire HD 7"
        };
      }
    }, {
      test: [/silk/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.tablet,
          vendor: "Amazon"
        };
      }
    }, {
      test: [/tablet(?! pc)/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.tablet
        };
      }
    }, {
      test: function(parser) {
        var iDevice = parser.test(/ipod|iphone/i), likeIDevice = parser.test(/like (ipod|iphone)/i);
        return iDevice && !likeIDevice;
      },
      describe: function(ua) {
        var model = Utils.getFirstMatch(/(ipod|iphone)/i, ua);
        return {
          type: PLATFORMS_MAP.mobile,
          vendor: "Apple",
          model
        };
      }
    }, {
      test: [/nexus\s*[0-6].*/i, /galaxy nexus/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.mobile,
          vendor: "Nexus"
        };
      }
    }, {
      test: [/Nokia/i],
      describe: function(ua) {
        var model = Utils.getFirstMatch(/Nokia\s+([0-9]+(\.[0-9]+)?)/i, ua), platform = {
          type: PLATFORMS_MAP.mobile,
          vendor: "Nokia"
        };
        return model && (platform.model = model), platform;
      }
    }, {
      test: [/[^-]mobi/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.mobile
        };
      }
    }, {
      test: function(parser) {
        return parser.getBrowserName(!0) === "blackberry";
      },
      describe: function() {
        return {
          type: PLATFORMS_MAP.mobile,
          vendor: "BlackBerry"
        };
      }
    }, {
      test: function(parser) {
        return parser.getBrowserName(!0) === "bada";
      },
      describe: function() {
        return {
          type: PLATFORMS_MAP.mobile
        };
      }
    }, {
      test: function(parser) {
        return parser.getBrowserName() === "windows phone";
      },
      describe: function() {
        return {
          type: PLATFORMS_MAP.mobile,
          vendor: "Microsoft"
        };
      }
    }, {
      test: function(parser) {
        var osMajorVersion = Number(String(parser.getOSVersion()).split(".")[0]);
        return parser.getOSName(!0) === "android" && osMajorVersion >= 3;
      },
      describe: function() {
        return {
          type: PLATFORMS_MAP.tablet
        };
      }
    }, {
      test: function(parser) {
        return parser.getOSName(!0) === "android";
      },
      describe: function() {
        return {
          type: PLATFORMS_MAP.mobile
        };
      }
    }, {
      test: [/smart-?tv|smarttv/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.tv
        };
      }
    }, {
      test: [/netcast/i],
      describe: function() {
        return {
          type: PLATFORMS_MAP.tv
        };
      }
    }, {
      test: function(parser) {
        return parser.getOSName(!0) === "macos";
      },
      describe: function() {
        return {
          type: PLATFORMS_MAP.desktop,
          vendor: "Apple"
        };
      }
    }, {
      test: function(parser) {
        return parser.getOSName(!0) === "windows";
      },
      describe: function() {
        return {
          type: PLATFORMS_MAP.desktop
        };
      }
    }, {
      test: function(parser) {
        return parser.getOSName(!0) === "linux";
      },
      describe: function() {
        return {
          type: PLATFORMS_MAP.desktop
        };
      }
    }, {
      test: function(parser) {
        return parser.getOSName(!0) === "chrome os";
      },
      describe: function() {
        return {
          type: PLATFORMS_MAP.desktop
        };
      }
    }, {
      test: function(parser) {
        return parser.getOSName(!0) === "playstation 4";
      },
      describe: function() {
        return {
          type: PLATFORMS_MAP.tv
        };
      }
    }, {
      test: function(parser) {
        return parser.getOSName(!0) === "roku";
      },
      describe: function() {
        return {
          type: PLATFORMS_MAP.tv
        };
      }
    }], parser_engines_default = [{
      test: function(parser) {
        return parser.getBrowserName(!0) === "microsoft edge";
      },
      describe: function(ua) {
        if (/\sedgios\//i.test(ua)) {
          var engine = {
            name: ENGINE_MAP.WebKit
          }, _version = Utils.getFirstMatch(/webkit\/(\d+(\.?_?\d+)+)/i, ua);
          return _version && (engine.version = _version), engine;
        }
        if (/\sedga?\//i.test(ua)) return {
          name: ENGINE_MAP.Blink
        };
        var version = Utils.getFirstMatch(/edge\/(\d+(\.?_?\d+)+)/i, ua);
        return {
          name: ENGINE_MAP.EdgeHTML,
          version
        };
      }
    }, {
      test: function(parser) {
        return parser.getBrowserName(!0) === "ladybird";
      },
      describe: function() {
        return {
          name: ENGINE_MAP.LibWeb
        };
      }
    }, {
      test: [/trident/i],
      describe: function(ua) {
        var engine = {
          name: ENGINE_MAP.Trident
        }, version = Utils.getFirstMatch(/trident\/(\d+(\.?_?\d+)+)/i, ua);
        return version && (engine.version = version), engine;
      }
    }, {
      test: function(parser) {
        return parser.test(/presto/i);
      },
      describe: function(ua) {
        var engine = {
          name: ENGINE_MAP.Presto
        }, version = Utils.getFirstMatch(/presto\/(\d+(\.?_?\d+)+)/i, ua);
        return version && (engine.version = version), engine;
      }
    }, {
      test: function(parser) {
        var isGecko = parser.test(/gecko/i), likeGecko = parser.test(/like gecko/i);
        return isGecko && !likeGecko;
      },
      describe: function(ua) {
        var engine = {
          name: ENGINE_MAP.Gecko
        }, version = Utils.getFirstMatch(/gecko\/(\d+(\.?_?\d+)+)/i, ua);
        return version && (engine.version = version), engine;
      }
    }, {
      test: [/(apple)?webkit\/537\.36/i],
      describe: function() {
        return {
          name: ENGINE_MAP.Blink
        };
      }
    }, {
      test: [/(apple)?webkit/i],
      describe: function(ua) {
        var engine = {
          name: ENGINE_MAP.WebKit
        }, version = Utils.getFirstMatch(/webkit\/(\d+(\.?_?\d+)+)/i, ua);
        return version && (engine.version = version), engine;
      }
    }], Parser = /* @__PURE__ */ (function() {
      function Parser2(UA, skipParsingOrHints, clientHints) {
        if (skipParsingOrHints === void 0 && (skipParsingOrHints = !1), clientHints === void 0 && (clientHints = null), UA == null || UA === "") throw new Error("UserAgent parameter can't be empty");
        this._ua = UA;
        var skipParsing = !1;
        typeof skipParsingOrHints == "boolean" ? (skipParsing = skipParsingOrHints, this._hints = clientHints) : skipParsingOrHints != null && typeof skipParsingOrHints == "object" ? this._hints = skipParsingOrHints : this._hints = null, this.parsedResult = {}, skipParsing !== !0 && this.parse();
      }
      var _proto = Parser2.prototype;
      return _proto.getHints = function() {
        return this._hints;
      }, _proto.hasBrand = function(brandName) {
        if (!this._hints || !Array.isArray(this._hints.brands)) return !1;
        var brandLower = brandName.toLowerCase();
        return this._hints.brands.some(function(b) {
          return b.brand && b.brand.toLowerCase() === brandLower;
        });
      }, _proto.getBrandVersion = function(brandName) {
        if (!(!this._hints || !Array.isArray(this._hints.brands))) {
          var brandLower = brandName.toLowerCase(), brand = Utils.find(this._hints.brands, function(b) {
            return b.brand && b.brand.toLowerCase() === brandLower;
          });
          return brand ? brand.version : void 0;
        }
      }, _proto.getUA = function() {
        return this._ua;
      }, _proto.test = function(regex) {
        return regex.test(this._ua);
      }, _proto.parseBrowser = function() {
        var _this = this;
        this.parsedResult.browser = {};
        var browserDescriptor = Utils.find(browsersList, function(_browser) {
          if (typeof _browser.test == "function") return _browser.test(_this);
          if (Array.isArray(_browser.test)) return _browser.test.some(function(condition) {
            return _this.test(condition);
          });
          throw new Error("Browser's test function is not valid");
        });
        return browserDescriptor && (this.parsedResult.browser = browserDescriptor.describe(this.getUA(), this)), this.parsedResult.browser;
      }, _proto.getBrowser = function() {
        return this.parsedResult.browser ? this.parsedResult.browser : this.parseBrowser();
      }, _proto.getBrowserName = function(toLowerCase) {
        return toLowerCase ? String(this.getBrowser().name).toLowerCase() || "" : this.getBrowser().name || "";
      }, _proto.getBrowserVersion = function() {
        return this.getBrowser().version;
      }, _proto.getOS = function() {
        return this.parsedResult.os ? this.parsedResult.os : this.parseOS();
      }, _proto.parseOS = function() {
        var _this2 = this;
        this.parsedResult.os = {};
        var os = Utils.find(parser_os_default, function(_os) {
          if (typeof _os.test == "function") return _os.test(_this2);
          if (Array.isArray(_os.test)) return _os.test.some(function(condition) {
            return _this2.test(condition);
          });
          throw new Error("Browser's test function is not valid");
        });
        return os && (this.parsedResult.os = os.describe(this.getUA())), this.parsedResult.os;
      }, _proto.getOSName = function(toLowerCase) {
        var name = this.getOS().name;
        return toLowerCase ? String(name).toLowerCase() || "" : name || "";
      }, _proto.getOSVersion = function() {
        return this.getOS().version;
      }, _proto.getPlatform = function() {
        return this.parsedResult.platform ? this.parsedResult.platform : this.parsePlatform();
      }, _proto.getPlatformType = function(toLowerCase) {
        toLowerCase === void 0 && (toLowerCase = !1);
        var type = this.getPlatform().type;
        return toLowerCase ? String(type).toLowerCase() || "" : type || "";
      }, _proto.parsePlatform = function() {
        var _this3 = this;
        this.parsedResult.platform = {};
        var platform = Utils.find(parser_platforms_default, function(_platform) {
          if (typeof _platform.test == "function") return _platform.test(_this3);
          if (Array.isArray(_platform.test)) return _platform.test.some(function(condition) {
            return _this3.test(condition);
          });
          throw new Error("Browser's test function is not valid");
        });
        return platform && (this.parsedResult.platform = platform.describe(this.getUA())), this.parsedResult.platform;
      }, _proto.getEngine = function() {
        return this.parsedResult.engine ? this.parsedResult.engine : this.parseEngine();
      }, _proto.getEngineName = function(toLowerCase) {
        return toLowerCase ? String(this.getEngine().name).toLowerCase() || "" : this.getEngine().name || "";
      }, _proto.parseEngine = function() {
        var _this4 = this;
        this.parsedResult.engine = {};
        var engine = Utils.find(parser_engines_default, function(_engine) {
          if (typeof _engine.test == "function") return _engine.test(_this4);
          if (Array.isArray(_engine.test)) return _engine.test.some(function(condition) {
            return _this4.test(condition);
          });
          throw new Error("Browser's test function is not valid");
        });
        return engine && (this.parsedResult.engine = engine.describe(this.getUA())), this.parsedResult.engine;
      }, _proto.parse = function() {
        return this.parseBrowser(), this.parseOS(), this.parsePlatform(), this.parseEngine(), this;
      }, _proto.getResult = function() {
        return Utils.assign({}, this.parsedResult);
      }, _proto.satisfies = function(checkTree) {
        var _this5 = this, platformsAndOSes = {}, platformsAndOSCounter = 0, browsers = {}, browsersCounter = 0;
        if (Object.keys(checkTree).forEach(function(key) {
          var currentDefinition = checkTree[key];
          typeof currentDefinition == "string" || Array.isArray(currentDefinition) ? (browsers[key] = currentDefinition, browsersCounter += 1) : typeof currentDefinition == "object" && (platformsAndOSes[key] = currentDefinition, platformsAndOSCounter += 1);
        }), platformsAndOSCounter > 0) {
          var platformsAndOSNames = Object.keys(platformsAndOSes), OSMatchingDefinition = Utils.find(platformsAndOSNames, function(name) {
            return _this5.isOS(name);
          });
          if (OSMatchingDefinition) {
            var osResult = this.satisfies(platformsAndOSes[OSMatchingDefinition]);
            if (osResult !== void 0) return osResult;
          }
          var platformMatchingDefinition = Utils.find(platformsAndOSNames, function(name) {
            return _this5.isPlatform(name);
          });
          if (platformMatchingDefinition) {
            var platformResult = this.satisfies(platformsAndOSes[platformMatchingDefinition]);
            if (platformResult !== void 0) return platformResult;
          }
        }
        if (browsersCounter > 0) {
          var browserNames = Object.keys(browsers), matchingDefinition = Utils.find(browserNames, function(name) {
            return _this5.isBrowser(name, !0);
          });
          if (matchingDefinition !== void 0) return this.compareVersions(browsers[matchingDefinition]);
        }
      }, _proto.isBrowser = function(browserName, includingAlias) {
        includingAlias === void 0 && (includingAlias = !1);
        var defaultBrowserName = this.getBrowserName().toLowerCase(), browserNameLower = browserName.toLowerCase(), alias = Utils.getBrowserTypeByAlias(browserNameLower);
        return includingAlias && alias && (browserNameLower = alias.toLowerCase()), browserNameLower === defaultBrowserName;
      }, _proto.compareVersions = function(versionsOrVersion) {
        var _this6 = this;
        return typeof versionsOrVersion == "string" ? this.compareVersion(versionsOrVersion) : versionsOrVersion.some(function(version) {
          return _this6.compareVersion(version);
        });
      }, _proto.compareVersion = function(version) {
        var expectedResults = [0], comparableVersion = version, isLoose = !1, currentBrowserVersion = this.getBrowserVersion();
        if (typeof currentBrowserVersion == "string")
          return version[0] === ">" || version[0] === "<" ? (comparableVersion = version.substr(1), version[1] === "=" ? (isLoose = !0, comparableVersion = version.substr(2)) : expectedResults = [], version[0] === ">" ? expectedResults.push(1) : expectedResults.push(-1)) : version[0] === "=" ? comparableVersion = version.substr(1) : version[0] === "~" && (isLoose = !0, comparableVersion = version.substr(1)), expectedResults.indexOf(Utils.compareVersions(currentBrowserVersion, comparableVersion, isLoose)) > -1;
      }, _proto.isOS = function(osName) {
        return this.getOSName(!0) === String(osName).toLowerCase();
      }, _proto.isPlatform = function(platformType) {
        return this.getPlatformType(!0) === String(platformType).toLowerCase();
      }, _proto.isEngine = function(engineName) {
        return this.getEngineName(!0) === String(engineName).toLowerCase();
      }, _proto.is = function(anything, includingAlias) {
        return includingAlias === void 0 && (includingAlias = !1), this.isBrowser(anything, includingAlias) || this.isOS(anything) || this.isPlatform(anything);
      }, _proto.some = function(anythings) {
        var _this7 = this;
        return anythings === void 0 && (anythings = []), anythings.some(function(anything) {
          return _this7.is(anything);
        });
      }, Parser2;
    })();
    Bowser = /* @__PURE__ */ (function() {
      function Bowser2() {
      }
      return Bowser2.getParser = function(UA, skipParsingOrHints, clientHints) {
        if (skipParsingOrHints === void 0 && (skipParsingOrHints = !1), clientHints === void 0 && (clientHints = null), typeof UA != "string") throw new Error("UserAgent should be a string");
        return new Parser(UA, skipParsingOrHints, clientHints);
      }, Bowser2.parse = function(UA, clientHints) {
        return clientHints === void 0 && (clientHints = null), new Parser(UA, clientHints).getResult();
      }, _createClass(Bowser2, null, [{
        key: "BROWSER_MAP",
        get: function() {
          return BROWSER_MAP;
        }
      }, {
        key: "ENGINE_MAP",
        get: function() {
          return ENGINE_MAP;
        }
      }, {
        key: "OS_MAP",
        get: function() {
          return OS_MAP;
        }
      }, {
        key: "PLATFORMS_MAP",
        get: function() {
          return PLATFORMS_MAP;
        }
      }]);
    })(), parse = Bowser.parse, getParser = Bowser.getParser;
  }
});
init_bowser();
export {
  BROWSER_MAP,
  ENGINE_MAP,
  OS_MAP,
  PLATFORMS_MAP,
  Bowser as default,
  getParser,
  parse
};
