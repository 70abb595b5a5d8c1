export namespace app {
	
	export class DocumentBreakdown {
	    code: number;
	    rows: AgreementRow[];
	
	    static createFrom(source: any = {}) {
	        return new DocumentBreakdown(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.rows = this.convertValues(source["rows"], AgreementRow);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class IntervalsDTO {
	    kappa?: number[];
	    scottPi?: number[];
	    krippendorffAlpha?: number[];
	    gwetAC1?: number[];
	    brennanPrediger?: number[];
	
	    static createFrom(source: any = {}) {
	        return new IntervalsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kappa = source["kappa"];
	        this.scottPi = source["scottPi"];
	        this.krippendorffAlpha = source["krippendorffAlpha"];
	        this.gwetAC1 = source["gwetAC1"];
	        this.brennanPrediger = source["brennanPrediger"];
	    }
	}
	export class AgreementRow {
	    label: string;
	    code: number;
	    factor: number;
	    document: number;
	    both: number;
	    onlyA: number;
	    onlyB: number;
	    neither: number;
	    units: number;
	    agreement: number;
	    kappa?: number;
	    scottPi?: number;
	    krippendorffAlpha?: number;
	    gwetAC1?: number;
	    brennanPrediger?: number;
	    ci: IntervalsDTO;
	    status: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new AgreementRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.code = source["code"];
	        this.factor = source["factor"];
	        this.document = source["document"];
	        this.both = source["both"];
	        this.onlyA = source["onlyA"];
	        this.onlyB = source["onlyB"];
	        this.neither = source["neither"];
	        this.units = source["units"];
	        this.agreement = source["agreement"];
	        this.kappa = source["kappa"];
	        this.scottPi = source["scottPi"];
	        this.krippendorffAlpha = source["krippendorffAlpha"];
	        this.gwetAC1 = source["gwetAC1"];
	        this.brennanPrediger = source["brennanPrediger"];
	        this.ci = this.convertValues(source["ci"], IntervalsDTO);
	        this.status = source["status"];
	        this.note = source["note"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CoderDTO {
	    id: number;
	    name: string;
	    consensus: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CoderDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.consensus = source["consensus"];
	    }
	}
	export class AgreementDTO {
	    coderA: CoderDTO;
	    coderB: CoderDTO;
	    documents: number[];
	    unit: string;
	    minShare: number;
	    resamples: number;
	    seed: number;
	    resampling: string;
	    formula: string;
	    codebook: string;
	    perCode: AgreementRow[];
	    perFactor: AgreementRow[];
	    overall: AgreementRow;
	    byDocument: DocumentBreakdown[];
	
	    static createFrom(source: any = {}) {
	        return new AgreementDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.coderA = this.convertValues(source["coderA"], CoderDTO);
	        this.coderB = this.convertValues(source["coderB"], CoderDTO);
	        this.documents = source["documents"];
	        this.unit = source["unit"];
	        this.minShare = source["minShare"];
	        this.resamples = source["resamples"];
	        this.seed = source["seed"];
	        this.resampling = source["resampling"];
	        this.formula = source["formula"];
	        this.codebook = source["codebook"];
	        this.perCode = this.convertValues(source["perCode"], AgreementRow);
	        this.perFactor = this.convertValues(source["perFactor"], AgreementRow);
	        this.overall = this.convertValues(source["overall"], AgreementRow);
	        this.byDocument = this.convertValues(source["byDocument"], DocumentBreakdown);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AgreementInput {
	    coderA: number;
	    coderB: number;
	    documents: number[];
	    codes: number[];
	    unit: string;
	    minShare: number;
	    bootstrap: number;
	    resample: string;
	    statistic: string;
	    sample?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new AgreementInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.coderA = source["coderA"];
	        this.coderB = source["coderB"];
	        this.documents = source["documents"];
	        this.codes = source["codes"];
	        this.unit = source["unit"];
	        this.minShare = source["minShare"];
	        this.bootstrap = source["bootstrap"];
	        this.resample = source["resample"];
	        this.statistic = source["statistic"];
	        this.sample = source["sample"];
	    }
	}
	
	export class AttributeCellDTO {
	    segments: number;
	    cases: number;
	    share: number;
	
	    static createFrom(source: any = {}) {
	        return new AttributeCellDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.segments = source["segments"];
	        this.cases = source["cases"];
	        this.share = source["share"];
	    }
	}
	export class AttributeRowDTO {
	    code: number;
	    ref: string;
	    name: string;
	    factor: string;
	    isFactor: boolean;
	    depth: number;
	    color: string;
	    segments: number;
	    words: number;
	    documents: number;
	    cases: number;
	    caseShare: number;
	    cells: AttributeCellDTO[];
	
	    static createFrom(source: any = {}) {
	        return new AttributeRowDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.ref = source["ref"];
	        this.name = source["name"];
	        this.factor = source["factor"];
	        this.isFactor = source["isFactor"];
	        this.depth = source["depth"];
	        this.color = source["color"];
	        this.segments = source["segments"];
	        this.words = source["words"];
	        this.documents = source["documents"];
	        this.cases = source["cases"];
	        this.caseShare = source["caseShare"];
	        this.cells = this.convertValues(source["cells"], AttributeCellDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ValueColumnDTO {
	    value: string;
	    cases: number;
	
	    static createFrom(source: any = {}) {
	        return new ValueColumnDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.cases = source["cases"];
	    }
	}
	export class ThemeFrameworkDTO {
	    id: number;
	    name: string;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ThemeFrameworkDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.active = source["active"];
	    }
	}
	export class LayerDTO {
	    coder: number;
	    name: string;
	    kind: string;
	    coders: string[];
	    default: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LayerDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.coder = source["coder"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.coders = source["coders"];
	        this.default = source["default"];
	    }
	}
	export class ThemeScopeDTO {
	    layer: LayerDTO;
	    framework: ThemeFrameworkDTO;
	    documents: number;
	    cases: number;
	    caseNames: string[];
	
	    static createFrom(source: any = {}) {
	        return new ThemeScopeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.layer = this.convertValues(source["layer"], LayerDTO);
	        this.framework = this.convertValues(source["framework"], ThemeFrameworkDTO);
	        this.documents = source["documents"];
	        this.cases = source["cases"];
	        this.caseNames = source["caseNames"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AttributeMatrixDTO {
	    scope: ThemeScopeDTO;
	    attribute: string;
	    columns: ValueColumnDTO[];
	    rows: AttributeRowDTO[];
	
	    static createFrom(source: any = {}) {
	        return new AttributeMatrixDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scope = this.convertValues(source["scope"], ThemeScopeDTO);
	        this.attribute = source["attribute"];
	        this.columns = this.convertValues(source["columns"], ValueColumnDTO);
	        this.rows = this.convertValues(source["rows"], AttributeRowDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class BuiltinDTO {
	    id: string;
	    name: string;
	    description: string;
	    codes: number;
	
	    static createFrom(source: any = {}) {
	        return new BuiltinDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.codes = source["codes"];
	    }
	}
	export class CaseAttributeDTO {
	    name: string;
	    type: string;
	    values: string[];
	
	    static createFrom(source: any = {}) {
	        return new CaseAttributeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.type = source["type"];
	        this.values = source["values"];
	    }
	}
	export class CaseColumnDTO {
	    name: string;
	    attributes: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new CaseColumnDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.attributes = source["attributes"];
	    }
	}
	export class CaseDTO {
	    id: number;
	    name: string;
	    values: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new CaseDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.values = source["values"];
	    }
	}
	export class CaseMatchDTO {
	    case: string;
	    document: string;
	    how: string;
	
	    static createFrom(source: any = {}) {
	        return new CaseMatchDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.case = source["case"];
	        this.document = source["document"];
	        this.how = source["how"];
	    }
	}
	export class CaseRowDTO {
	    code: number;
	    ref: string;
	    name: string;
	    factor: string;
	    isFactor: boolean;
	    depth: number;
	    color: string;
	    segments: number;
	    words: number;
	    documents: number;
	    cases: number;
	    caseShare: number;
	    cells: number[];
	
	    static createFrom(source: any = {}) {
	        return new CaseRowDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.ref = source["ref"];
	        this.name = source["name"];
	        this.factor = source["factor"];
	        this.isFactor = source["isFactor"];
	        this.depth = source["depth"];
	        this.color = source["color"];
	        this.segments = source["segments"];
	        this.words = source["words"];
	        this.documents = source["documents"];
	        this.cases = source["cases"];
	        this.caseShare = source["caseShare"];
	        this.cells = source["cells"];
	    }
	}
	export class CaseMatrixDTO {
	    scope: ThemeScopeDTO;
	    cases: CaseColumnDTO[];
	    rows: CaseRowDTO[];
	
	    static createFrom(source: any = {}) {
	        return new CaseMatrixDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scope = this.convertValues(source["scope"], ThemeScopeDTO);
	        this.cases = this.convertValues(source["cases"], CaseColumnDTO);
	        this.rows = this.convertValues(source["rows"], CaseRowDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class SheetAttributeDTO {
	    name: string;
	    type: string;
	    inferred: boolean;
	    values: string[];
	
	    static createFrom(source: any = {}) {
	        return new SheetAttributeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.type = source["type"];
	        this.inferred = source["inferred"];
	        this.values = source["values"];
	    }
	}
	export class CaseSheetDTO {
	    file: string;
	    nameColumn: string;
	    documentColumn: string;
	    attributes: SheetAttributeDTO[];
	    cases: number;
	    added: number;
	    updated: number;
	    newAttributes: number;
	    linked: number;
	    matches: CaseMatchDTO[];
	    unknownDocuments: string[];
	    unmatched: string[];
	    summary: string[];
	
	    static createFrom(source: any = {}) {
	        return new CaseSheetDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.nameColumn = source["nameColumn"];
	        this.documentColumn = source["documentColumn"];
	        this.attributes = this.convertValues(source["attributes"], SheetAttributeDTO);
	        this.cases = source["cases"];
	        this.added = source["added"];
	        this.updated = source["updated"];
	        this.newAttributes = source["newAttributes"];
	        this.linked = source["linked"];
	        this.matches = this.convertValues(source["matches"], CaseMatchDTO);
	        this.unknownDocuments = source["unknownDocuments"];
	        this.unmatched = source["unmatched"];
	        this.summary = source["summary"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SpeakerDTO {
	    name: string;
	    turns: number;
	    case: number;
	    caseName: string;
	    excluded: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SpeakerDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.turns = source["turns"];
	        this.case = source["case"];
	        this.caseName = source["caseName"];
	        this.excluded = source["excluded"];
	    }
	}
	export class DocumentCasesDTO {
	    document: number;
	    name: string;
	    case: number;
	    caseName: string;
	    speakers: SpeakerDTO[];
	
	    static createFrom(source: any = {}) {
	        return new DocumentCasesDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.document = source["document"];
	        this.name = source["name"];
	        this.case = source["case"];
	        this.caseName = source["caseName"];
	        this.speakers = this.convertValues(source["speakers"], SpeakerDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CasesView {
	    types: string[];
	    attributes: CaseAttributeDTO[];
	    cases: CaseDTO[];
	    documents: DocumentCasesDTO[];
	
	    static createFrom(source: any = {}) {
	        return new CasesView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.types = source["types"];
	        this.attributes = this.convertValues(source["attributes"], CaseAttributeDTO);
	        this.cases = this.convertValues(source["cases"], CaseDTO);
	        this.documents = this.convertValues(source["documents"], DocumentCasesDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ThemeFilterDTO {
	    documents: number[];
	    cases: string[];
	    attributes: Record<string, Array<string>>;
	
	    static createFrom(source: any = {}) {
	        return new ThemeFilterDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.documents = source["documents"];
	        this.cases = source["cases"];
	        this.attributes = source["attributes"];
	    }
	}
	export class CellInput {
	    framework: number;
	    layer: number;
	    filter: ThemeFilterDTO;
	    code: number;
	    attribute: string;
	    value: string;
	    case: string;
	    with: number;
	
	    static createFrom(source: any = {}) {
	        return new CellInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.framework = source["framework"];
	        this.layer = source["layer"];
	        this.filter = this.convertValues(source["filter"], ThemeFilterDTO);
	        this.code = source["code"];
	        this.attribute = source["attribute"];
	        this.value = source["value"];
	        this.case = source["case"];
	        this.with = source["with"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CoCellDTO {
	    count: number;
	    jaccard: number;
	
	    static createFrom(source: any = {}) {
	        return new CoCellDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.count = source["count"];
	        this.jaccard = source["jaccard"];
	    }
	}
	export class CoInput {
	    framework: number;
	    with: number;
	    layer: number;
	    filter: ThemeFilterDTO;
	
	    static createFrom(source: any = {}) {
	        return new CoInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.framework = source["framework"];
	        this.with = source["with"];
	        this.layer = source["layer"];
	        this.filter = this.convertValues(source["filter"], ThemeFilterDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ThemeCodeDTO {
	    id: number;
	    parent: number;
	    framework: number;
	    ref: string;
	    name: string;
	    color: string;
	    depth: number;
	
	    static createFrom(source: any = {}) {
	        return new ThemeCodeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.parent = source["parent"];
	        this.framework = source["framework"];
	        this.ref = source["ref"];
	        this.name = source["name"];
	        this.color = source["color"];
	        this.depth = source["depth"];
	    }
	}
	export class CoMatrixDTO {
	    scope: ThemeScopeDTO;
	    rows: ThemeCodeDTO[];
	    columns: ThemeCodeDTO[];
	    cells: CoCellDTO[][];
	
	    static createFrom(source: any = {}) {
	        return new CoMatrixDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scope = this.convertValues(source["scope"], ThemeScopeDTO);
	        this.rows = this.convertValues(source["rows"], ThemeCodeDTO);
	        this.columns = this.convertValues(source["columns"], ThemeCodeDTO);
	        this.cells = this.convertValues(source["cells"], CoCellDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CodeConflictDTO {
	    code: string;
	    field: string;
	    ours: string;
	    theirs: string;
	
	    static createFrom(source: any = {}) {
	        return new CodeConflictDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.field = source["field"];
	        this.ours = source["ours"];
	        this.theirs = source["theirs"];
	    }
	}
	export class CodeCountDTO {
	    coder: number;
	    name: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new CodeCountDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.coder = source["coder"];
	        this.name = source["name"];
	        this.count = source["count"];
	    }
	}
	export class CodeDTO {
	    id: number;
	    parent: number;
	    framework: number;
	    ref: string;
	    name: string;
	    definition: string;
	    whenToUse: string;
	    whenNotToUse: string;
	    examples: string[];
	    color: string;
	    key: string;
	    codable: boolean;
	    scale?: number;
	    counts: CodeCountDTO[];
	
	    static createFrom(source: any = {}) {
	        return new CodeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.parent = source["parent"];
	        this.framework = source["framework"];
	        this.ref = source["ref"];
	        this.name = source["name"];
	        this.definition = source["definition"];
	        this.whenToUse = source["whenToUse"];
	        this.whenNotToUse = source["whenNotToUse"];
	        this.examples = source["examples"];
	        this.color = source["color"];
	        this.key = source["key"];
	        this.codable = source["codable"];
	        this.scale = source["scale"];
	        this.counts = this.convertValues(source["counts"], CodeCountDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class HistoryDTO {
	    canUndo: boolean;
	    canRedo: boolean;
	    undo: string;
	    redo: string;
	
	    static createFrom(source: any = {}) {
	        return new HistoryDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.canUndo = source["canUndo"];
	        this.canRedo = source["canRedo"];
	        this.undo = source["undo"];
	        this.redo = source["redo"];
	    }
	}
	export class CodeHitsDTO {
	    coded: number;
	    already: number;
	    skipped: number;
	    documents: number[];
	    done: string;
	    history: HistoryDTO;
	
	    static createFrom(source: any = {}) {
	        return new CodeHitsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.coded = source["coded"];
	        this.already = source["already"];
	        this.skipped = source["skipped"];
	        this.documents = source["documents"];
	        this.done = source["done"];
	        this.history = this.convertValues(source["history"], HistoryDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CodeInput {
	    parent: number;
	    name: string;
	    definition: string;
	    whenToUse: string;
	    whenNotToUse: string;
	    examples: string[];
	    color: string;
	    key: string;
	    codable: boolean;
	    scale?: number;
	
	    static createFrom(source: any = {}) {
	        return new CodeInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.parent = source["parent"];
	        this.name = source["name"];
	        this.definition = source["definition"];
	        this.whenToUse = source["whenToUse"];
	        this.whenNotToUse = source["whenNotToUse"];
	        this.examples = source["examples"];
	        this.color = source["color"];
	        this.key = source["key"];
	        this.codable = source["codable"];
	        this.scale = source["scale"];
	    }
	}
	export class CodeSegmentDTO {
	    id: number;
	    document: number;
	    documentName: string;
	    coder: number;
	    coderName: string;
	    start: number;
	    end: number;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new CodeSegmentDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.document = source["document"];
	        this.documentName = source["documentName"];
	        this.coder = source["coder"];
	        this.coderName = source["coderName"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.text = source["text"];
	    }
	}
	export class CodebookChangeDTO {
	    revision: number;
	    at: string;
	    who: string;
	    action: string;
	    summary: string;
	    undone: boolean;
	    tags: string[];
	
	    static createFrom(source: any = {}) {
	        return new CodebookChangeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.revision = source["revision"];
	        this.at = source["at"];
	        this.who = source["who"];
	        this.action = source["action"];
	        this.summary = source["summary"];
	        this.undone = source["undone"];
	        this.tags = source["tags"];
	    }
	}
	export class CodebookTagDTO {
	    name: string;
	    note: string;
	    revision: number;
	    at: string;
	    who: string;
	
	    static createFrom(source: any = {}) {
	        return new CodebookTagDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.note = source["note"];
	        this.revision = source["revision"];
	        this.at = source["at"];
	        this.who = source["who"];
	    }
	}
	export class CodebookHistoryDTO {
	    framework: number;
	    revision: number;
	    version: string;
	    changes: CodebookChangeDTO[];
	    tags: CodebookTagDTO[];
	    canUndo: boolean;
	    undo: string;
	    canRedo: boolean;
	    redo: string;
	
	    static createFrom(source: any = {}) {
	        return new CodebookHistoryDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.framework = source["framework"];
	        this.revision = source["revision"];
	        this.version = source["version"];
	        this.changes = this.convertValues(source["changes"], CodebookChangeDTO);
	        this.tags = this.convertValues(source["tags"], CodebookTagDTO);
	        this.canUndo = source["canUndo"];
	        this.undo = source["undo"];
	        this.canRedo = source["canRedo"];
	        this.redo = source["redo"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class CoderMergeDTO {
	    name: string;
	    new: boolean;
	    segments: number;
	    added: number;
	    duplicates: number;
	    skipped: number;
	
	    static createFrom(source: any = {}) {
	        return new CoderMergeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.new = source["new"];
	        this.segments = source["segments"];
	        this.added = source["added"];
	        this.duplicates = source["duplicates"];
	        this.skipped = source["skipped"];
	    }
	}
	export class CoderProgressDTO {
	    coder: string;
	    assigned: number;
	    done: number;
	    coded: number;
	    sample: number;
	    sampleDone: number;
	
	    static createFrom(source: any = {}) {
	        return new CoderProgressDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.coder = source["coder"];
	        this.assigned = source["assigned"];
	        this.done = source["done"];
	        this.coded = source["coded"];
	        this.sample = source["sample"];
	        this.sampleDone = source["sampleDone"];
	    }
	}
	export class CodesMergeDTO {
	    matched: number;
	    added: string[];
	    conflicts: CodeConflictDTO[];
	
	    static createFrom(source: any = {}) {
	        return new CodesMergeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.matched = source["matched"];
	        this.added = source["added"];
	        this.conflicts = this.convertValues(source["conflicts"], CodeConflictDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ConsensusSegmentDTO {
	    code: number;
	    start: number;
	    end: number;
	
	    static createFrom(source: any = {}) {
	        return new ConsensusSegmentDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.start = source["start"];
	        this.end = source["end"];
	    }
	}
	export class ContextDTO {
	    start: number;
	    text: string;
	    before: boolean;
	    after: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ContextDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.start = source["start"];
	        this.text = source["text"];
	        this.before = source["before"];
	        this.after = source["after"];
	    }
	}
	export class DecisionDTO {
	    action: string;
	    rationale: string;
	    decidedBy: string;
	    decidedAt: string;
	    segments: ConsensusSegmentDTO[];
	
	    static createFrom(source: any = {}) {
	        return new DecisionDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.action = source["action"];
	        this.rationale = source["rationale"];
	        this.decidedBy = source["decidedBy"];
	        this.decidedAt = source["decidedAt"];
	        this.segments = this.convertValues(source["segments"], ConsensusSegmentDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DecisionInput {
	    coderA: number;
	    coderB: number;
	    documents: number[];
	    codes: number[];
	    threshold: number;
	    key: string;
	    action: string;
	    rationale: string;
	    start: number;
	    end: number;
	    code: number;
	
	    static createFrom(source: any = {}) {
	        return new DecisionInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.coderA = source["coderA"];
	        this.coderB = source["coderB"];
	        this.documents = source["documents"];
	        this.codes = source["codes"];
	        this.threshold = source["threshold"];
	        this.key = source["key"];
	        this.action = source["action"];
	        this.rationale = source["rationale"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.code = source["code"];
	    }
	}
	export class DeleteImpactDTO {
	    codes: string[];
	    segments: number;
	    byCoder: CodeCountDTO[];
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new DeleteImpactDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.codes = source["codes"];
	        this.segments = source["segments"];
	        this.byCoder = this.convertValues(source["byCoder"], CodeCountDTO);
	        this.message = source["message"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SpanDTO {
	    start: number;
	    end: number;
	
	    static createFrom(source: any = {}) {
	        return new SpanDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.start = source["start"];
	        this.end = source["end"];
	    }
	}
	export class DisagreementDTO {
	    key: string;
	    document: number;
	    documentName: string;
	    kind: string;
	    codeA: number;
	    codeB: number;
	    a: SpanDTO[];
	    b: SpanDTO[];
	    extent: SpanDTO;
	    size: number;
	    overlap: number;
	    speaker: string;
	    context: ContextDTO;
	    decision?: DecisionDTO;
	
	    static createFrom(source: any = {}) {
	        return new DisagreementDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.document = source["document"];
	        this.documentName = source["documentName"];
	        this.kind = source["kind"];
	        this.codeA = source["codeA"];
	        this.codeB = source["codeB"];
	        this.a = this.convertValues(source["a"], SpanDTO);
	        this.b = this.convertValues(source["b"], SpanDTO);
	        this.extent = this.convertValues(source["extent"], SpanDTO);
	        this.size = source["size"];
	        this.overlap = source["overlap"];
	        this.speaker = source["speaker"];
	        this.context = this.convertValues(source["context"], ContextDTO);
	        this.decision = this.convertValues(source["decision"], DecisionDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DismissalInput {
	    document: number;
	    memo: number;
	    start: number;
	    end: number;
	    kind: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new DismissalInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.document = source["document"];
	        this.memo = source["memo"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.kind = source["kind"];
	        this.text = source["text"];
	    }
	}
	
	
	export class DocumentDTO {
	    id: number;
	    name: string;
	    turns: number;
	    words: number;
	    chars: number;
	    case: string;
	
	    static createFrom(source: any = {}) {
	        return new DocumentDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.turns = source["turns"];
	        this.words = source["words"];
	        this.chars = source["chars"];
	        this.case = source["case"];
	    }
	}
	export class DocumentMarkDTO {
	    document: number;
	    sample: boolean;
	    yours: boolean;
	    done: boolean;
	    coders: string[];
	
	    static createFrom(source: any = {}) {
	        return new DocumentMarkDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.document = source["document"];
	        this.sample = source["sample"];
	        this.yours = source["yours"];
	        this.done = source["done"];
	        this.coders = source["coders"];
	    }
	}
	export class TurnDTO {
	    speaker: string;
	    timestamp: string;
	    start: number;
	    contentStart: number;
	    end: number;
	    case: string;
	    excluded: boolean;
	
	    static createFrom(source: any = {}) {
	        return new TurnDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.speaker = source["speaker"];
	        this.timestamp = source["timestamp"];
	        this.start = source["start"];
	        this.contentStart = source["contentStart"];
	        this.end = source["end"];
	        this.case = source["case"];
	        this.excluded = source["excluded"];
	    }
	}
	export class DocumentView {
	    id: number;
	    name: string;
	    turns: number;
	    words: number;
	    chars: number;
	    case: string;
	    text: string;
	    turnSpans: TurnDTO[];
	
	    static createFrom(source: any = {}) {
	        return new DocumentView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.turns = source["turns"];
	        this.words = source["words"];
	        this.chars = source["chars"];
	        this.case = source["case"];
	        this.text = source["text"];
	        this.turnSpans = this.convertValues(source["turnSpans"], TurnDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DocumentsMergeDTO {
	    matched: number;
	    added: string[];
	    missing: string[];
	    differs: string[];
	
	    static createFrom(source: any = {}) {
	        return new DocumentsMergeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.matched = source["matched"];
	        this.added = source["added"];
	        this.missing = source["missing"];
	        this.differs = source["differs"];
	    }
	}
	export class NotImportedDTO {
	    kind: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new NotImportedDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.count = source["count"];
	    }
	}
	export class MergeReportDTO {
	    file: string;
	    documents: DocumentsMergeDTO;
	    codes: CodesMergeDTO;
	    coders: CoderMergeDTO[];
	    cases: number;
	    memos: number;
	    notImported: NotImportedDTO[];
	    applied: boolean;
	    journal: number;
	    notes: string[];
	    lead: string;
	
	    static createFrom(source: any = {}) {
	        return new MergeReportDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.documents = this.convertValues(source["documents"], DocumentsMergeDTO);
	        this.codes = this.convertValues(source["codes"], CodesMergeDTO);
	        this.coders = this.convertValues(source["coders"], CoderMergeDTO);
	        this.cases = source["cases"];
	        this.memos = source["memos"];
	        this.notImported = this.convertValues(source["notImported"], NotImportedDTO);
	        this.applied = source["applied"];
	        this.journal = source["journal"];
	        this.notes = source["notes"];
	        this.lead = source["lead"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExchangePreviewDTO {
	    path: string;
	    file: string;
	    skipMissing: boolean;
	    report?: MergeReportDTO;
	    refused: string;
	    missingSources: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ExchangePreviewDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.file = source["file"];
	        this.skipMissing = source["skipMissing"];
	        this.report = this.convertValues(source["report"], MergeReportDTO);
	        this.refused = source["refused"];
	        this.missingSources = source["missingSources"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExcludeEverywhereResult {
	    documents: string[];
	    view: CasesView;
	
	    static createFrom(source: any = {}) {
	        return new ExcludeEverywhereResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.documents = source["documents"];
	        this.view = this.convertValues(source["view"], CasesView);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExemplarDTO {
	    id: number;
	    documentId: number;
	    document: string;
	    codeId: number;
	    code: string;
	    start: number;
	    end: number;
	    cuts: number[][];
	    text: string;
	    trimmed: string;
	    starredBy: string;
	    starredAt: string;
	    speaker: string;
	    case: string;
	
	    static createFrom(source: any = {}) {
	        return new ExemplarDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.documentId = source["documentId"];
	        this.document = source["document"];
	        this.codeId = source["codeId"];
	        this.code = source["code"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.cuts = source["cuts"];
	        this.text = source["text"];
	        this.trimmed = source["trimmed"];
	        this.starredBy = source["starredBy"];
	        this.starredAt = source["starredAt"];
	        this.speaker = source["speaker"];
	        this.case = source["case"];
	    }
	}
	export class ExportSummaryDTO {
	    path: string;
	    file: string;
	    documents: number;
	    codes: number;
	    coders: number;
	    segments: number;
	    cases: number;
	    memos: number;
	
	    static createFrom(source: any = {}) {
	        return new ExportSummaryDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.file = source["file"];
	        this.documents = source["documents"];
	        this.codes = source["codes"];
	        this.coders = source["coders"];
	        this.segments = source["segments"];
	        this.cases = source["cases"];
	        this.memos = source["memos"];
	    }
	}
	export class PreviewTurnDTO {
	    speaker: string;
	    timestamp: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new PreviewTurnDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.speaker = source["speaker"];
	        this.timestamp = source["timestamp"];
	        this.text = source["text"];
	    }
	}
	export class FilePreviewDTO {
	    path: string;
	    file: string;
	    size: number;
	    name: string;
	    format: string;
	    encoding: string;
	    turns: number;
	    words: number;
	    speakers: string[];
	    interviewers: string[];
	    warnings: string[];
	    firstTurns: PreviewTurnDTO[];
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new FilePreviewDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.file = source["file"];
	        this.size = source["size"];
	        this.name = source["name"];
	        this.format = source["format"];
	        this.encoding = source["encoding"];
	        this.turns = source["turns"];
	        this.words = source["words"];
	        this.speakers = source["speakers"];
	        this.interviewers = source["interviewers"];
	        this.warnings = source["warnings"];
	        this.firstTurns = this.convertValues(source["firstTurns"], PreviewTurnDTO);
	        this.error = source["error"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FrameworkDTO {
	    id: number;
	    name: string;
	    description: string;
	    active: boolean;
	    codes: number;
	    revision: number;
	    version: string;
	    tag: string;
	
	    static createFrom(source: any = {}) {
	        return new FrameworkDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.active = source["active"];
	        this.codes = source["codes"];
	        this.revision = source["revision"];
	        this.version = source["version"];
	        this.tag = source["tag"];
	    }
	}
	
	export class ImportFileDTO {
	    path: string;
	    file: string;
	    folder: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportFileDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.file = source["file"];
	        this.folder = source["folder"];
	    }
	}
	export class ImportOptionsDTO {
	    encoding: string;
	    speakerPattern: string;
	    exclude: string[];
	
	    static createFrom(source: any = {}) {
	        return new ImportOptionsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.encoding = source["encoding"];
	        this.speakerPattern = source["speakerPattern"];
	        this.exclude = source["exclude"];
	    }
	}
	export class KindCountDTO {
	    kind: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new KindCountDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.count = source["count"];
	    }
	}
	export class ImportedDTO {
	    name: string;
	    id: number;
	    duplicateOf: string;
	    turns: number;
	    words: number;
	    file: string;
	    format: string;
	    encoding: string;
	    speakers: string[];
	    excluded: string[];
	    warnings: string[];
	    identifiers: number;
	    kinds: KindCountDTO[];
	
	    static createFrom(source: any = {}) {
	        return new ImportedDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.id = source["id"];
	        this.duplicateOf = source["duplicateOf"];
	        this.turns = source["turns"];
	        this.words = source["words"];
	        this.file = source["file"];
	        this.format = source["format"];
	        this.encoding = source["encoding"];
	        this.speakers = source["speakers"];
	        this.excluded = source["excluded"];
	        this.warnings = source["warnings"];
	        this.identifiers = source["identifiers"];
	        this.kinds = this.convertValues(source["kinds"], KindCountDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportReportDTO {
	    files: ImportedDTO[];
	    cancelled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportReportDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.files = this.convertValues(source["files"], ImportedDTO);
	        this.cancelled = source["cancelled"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SkippedFileDTO {
	    path: string;
	    file: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new SkippedFileDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.file = source["file"];
	        this.reason = source["reason"];
	    }
	}
	export class ImportSelectionDTO {
	    folder: string;
	    files: ImportFileDTO[];
	    skipped: SkippedFileDTO[];
	
	    static createFrom(source: any = {}) {
	        return new ImportSelectionDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.folder = source["folder"];
	        this.files = this.convertValues(source["files"], ImportFileDTO);
	        this.skipped = this.convertValues(source["skipped"], SkippedFileDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ProjectInfo {
	    path: string;
	    name: string;
	    framework: string;
	    coders: CoderDTO[];
	    lead: CoderDTO;
	    current?: CoderDTO;
	    blindMode: boolean;
	    canCompare: boolean;
	    canReview: boolean;
	    adjudicator?: CoderDTO;
	    documents: number;
	
	    static createFrom(source: any = {}) {
	        return new ProjectInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.name = source["name"];
	        this.framework = source["framework"];
	        this.coders = this.convertValues(source["coders"], CoderDTO);
	        this.lead = this.convertValues(source["lead"], CoderDTO);
	        this.current = this.convertValues(source["current"], CoderDTO);
	        this.blindMode = source["blindMode"];
	        this.canCompare = source["canCompare"];
	        this.canReview = source["canReview"];
	        this.adjudicator = this.convertValues(source["adjudicator"], CoderDTO);
	        this.documents = source["documents"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportedProjectDTO {
	    project?: ProjectInfo;
	    report: MergeReportDTO;
	
	    static createFrom(source: any = {}) {
	        return new ImportedProjectDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.project = this.convertValues(source["project"], ProjectInfo);
	        this.report = this.convertValues(source["report"], MergeReportDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SegmentDTO {
	    id: number;
	    document: number;
	    code: number;
	    coder: number;
	    start: number;
	    end: number;
	
	    static createFrom(source: any = {}) {
	        return new SegmentDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.document = source["document"];
	        this.code = source["code"];
	        this.coder = source["coder"];
	        this.start = source["start"];
	        this.end = source["end"];
	    }
	}
	export class InVivoDTO {
	    code: CodeDTO;
	    segment: SegmentDTO;
	
	    static createFrom(source: any = {}) {
	        return new InVivoDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = this.convertValues(source["code"], CodeDTO);
	        this.segment = this.convertValues(source["segment"], SegmentDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class InVivoInput {
	    document: number;
	    start: number;
	    end: number;
	    name: string;
	    parent: number;
	
	    static createFrom(source: any = {}) {
	        return new InVivoInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.document = source["document"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.name = source["name"];
	        this.parent = source["parent"];
	    }
	}
	
	
	
	export class MemoDTO {
	    id: number;
	    kind: string;
	    target: number;
	    on: string;
	    document: number;
	    documentName: string;
	    code: number;
	    codeName: string;
	    start: number;
	    end: number;
	    excerpt: string;
	    author: number;
	    authorName: string;
	    mine: boolean;
	    text: string;
	    html: string;
	    created: string;
	    updated: string;
	
	    static createFrom(source: any = {}) {
	        return new MemoDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.target = source["target"];
	        this.on = source["on"];
	        this.document = source["document"];
	        this.documentName = source["documentName"];
	        this.code = source["code"];
	        this.codeName = source["codeName"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.excerpt = source["excerpt"];
	        this.author = source["author"];
	        this.authorName = source["authorName"];
	        this.mine = source["mine"];
	        this.text = source["text"];
	        this.html = source["html"];
	        this.created = source["created"];
	        this.updated = source["updated"];
	    }
	}
	export class MemoChangeDTO {
	    change: number;
	    memo: MemoDTO;
	
	    static createFrom(source: any = {}) {
	        return new MemoChangeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.change = source["change"];
	        this.memo = this.convertValues(source["memo"], MemoDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class MergeRecordDTO {
	    journal: number;
	    at: string;
	    file: string;
	    by: string;
	    segments: number;
	    undone: boolean;
	
	    static createFrom(source: any = {}) {
	        return new MergeRecordDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.journal = source["journal"];
	        this.at = source["at"];
	        this.file = source["file"];
	        this.by = source["by"];
	        this.segments = source["segments"];
	        this.undone = source["undone"];
	    }
	}
	
	export class StatisticDTO {
	    value?: number;
	    undefined: string;
	    ci?: number[];
	
	    static createFrom(source: any = {}) {
	        return new StatisticDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.undefined = source["undefined"];
	        this.ci = source["ci"];
	    }
	}
	export class MultiAgreementRow {
	    label: string;
	    code: number;
	    factor: number;
	    kind: string;
	    units: number;
	    histogram: number[];
	    coded: number[];
	    percentAgreement: StatisticDTO;
	    fleissKappa: StatisticDTO;
	    krippendorffAlpha: StatisticDTO;
	    gwetAC1: StatisticDTO;
	    brennanPrediger: StatisticDTO;
	    status: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new MultiAgreementRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.code = source["code"];
	        this.factor = source["factor"];
	        this.kind = source["kind"];
	        this.units = source["units"];
	        this.histogram = source["histogram"];
	        this.coded = source["coded"];
	        this.percentAgreement = this.convertValues(source["percentAgreement"], StatisticDTO);
	        this.fleissKappa = this.convertValues(source["fleissKappa"], StatisticDTO);
	        this.krippendorffAlpha = this.convertValues(source["krippendorffAlpha"], StatisticDTO);
	        this.gwetAC1 = this.convertValues(source["gwetAC1"], StatisticDTO);
	        this.brennanPrediger = this.convertValues(source["brennanPrediger"], StatisticDTO);
	        this.status = source["status"];
	        this.note = source["note"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MultiAgreementDTO {
	    coders: CoderDTO[];
	    documents: number[];
	    unit: string;
	    minShare: number;
	    resamples: number;
	    seed: number;
	    resampling: string;
	    formula: string;
	    codebook: string;
	    perCode: MultiAgreementRow[];
	    perFactor: MultiAgreementRow[];
	    overall: MultiAgreementRow;
	
	    static createFrom(source: any = {}) {
	        return new MultiAgreementDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.coders = this.convertValues(source["coders"], CoderDTO);
	        this.documents = source["documents"];
	        this.unit = source["unit"];
	        this.minShare = source["minShare"];
	        this.resamples = source["resamples"];
	        this.seed = source["seed"];
	        this.resampling = source["resampling"];
	        this.formula = source["formula"];
	        this.codebook = source["codebook"];
	        this.perCode = this.convertValues(source["perCode"], MultiAgreementRow);
	        this.perFactor = this.convertValues(source["perFactor"], MultiAgreementRow);
	        this.overall = this.convertValues(source["overall"], MultiAgreementRow);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MultiAgreementInput {
	    coders: number[];
	    documents: number[];
	    codes: number[];
	    unit: string;
	    minShare: number;
	    bootstrap: number;
	
	    static createFrom(source: any = {}) {
	        return new MultiAgreementInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.coders = source["coders"];
	        this.documents = source["documents"];
	        this.codes = source["codes"];
	        this.unit = source["unit"];
	        this.minShare = source["minShare"];
	        this.bootstrap = source["bootstrap"];
	    }
	}
	
	
	export class PassageDTO {
	    document: number;
	    documentName: string;
	    start: number;
	    end: number;
	    text: string;
	    before: string;
	    after: string;
	    speaker: string;
	    case: string;
	    coders: string[];
	    codes: string[];
	    segmentIds: number[];
	    overlap: number[];
	
	    static createFrom(source: any = {}) {
	        return new PassageDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.document = source["document"];
	        this.documentName = source["documentName"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.text = source["text"];
	        this.before = source["before"];
	        this.after = source["after"];
	        this.speaker = source["speaker"];
	        this.case = source["case"];
	        this.coders = source["coders"];
	        this.codes = source["codes"];
	        this.segmentIds = source["segmentIds"];
	        this.overlap = source["overlap"];
	    }
	}
	export class PlanDocumentDTO {
	    id: number;
	    name: string;
	    case: string;
	    stratum: string;
	    words: number;
	    coders: string[];
	
	    static createFrom(source: any = {}) {
	        return new PlanDocumentDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.case = source["case"];
	        this.stratum = source["stratum"];
	        this.words = source["words"];
	        this.coders = source["coders"];
	    }
	}
	export class StratumDTO {
	    value: string;
	    documents: number;
	    sampled: number;
	
	    static createFrom(source: any = {}) {
	        return new StratumDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.documents = source["documents"];
	        this.sampled = source["sampled"];
	    }
	}
	export class PlanDTO {
	    share: number;
	    by: string;
	    seed: number;
	    coders: string[];
	    drawnAt: string;
	    drawnBy: string;
	    total: number;
	    strata: StratumDTO[];
	    sample: PlanDocumentDTO[];
	    rest: PlanDocumentDTO[];
	    words: Record<string, number>;
	    sentence: string;
	
	    static createFrom(source: any = {}) {
	        return new PlanDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.share = source["share"];
	        this.by = source["by"];
	        this.seed = source["seed"];
	        this.coders = source["coders"];
	        this.drawnAt = source["drawnAt"];
	        this.drawnBy = source["drawnBy"];
	        this.total = source["total"];
	        this.strata = this.convertValues(source["strata"], StratumDTO);
	        this.sample = this.convertValues(source["sample"], PlanDocumentDTO);
	        this.rest = this.convertValues(source["rest"], PlanDocumentDTO);
	        this.words = source["words"];
	        this.sentence = source["sentence"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class PlanInput {
	    share: number;
	    by: string;
	    coders: string[];
	    seed: number;
	    force: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PlanInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.share = source["share"];
	        this.by = source["by"];
	        this.coders = source["coders"];
	        this.seed = source["seed"];
	        this.force = source["force"];
	    }
	}
	export class PrevalenceRowDTO {
	    code: number;
	    ref: string;
	    name: string;
	    factor: string;
	    isFactor: boolean;
	    depth: number;
	    color: string;
	    segments: number;
	    words: number;
	    documents: number;
	    cases: number;
	    caseShare: number;
	
	    static createFrom(source: any = {}) {
	        return new PrevalenceRowDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.ref = source["ref"];
	        this.name = source["name"];
	        this.factor = source["factor"];
	        this.isFactor = source["isFactor"];
	        this.depth = source["depth"];
	        this.color = source["color"];
	        this.segments = source["segments"];
	        this.words = source["words"];
	        this.documents = source["documents"];
	        this.cases = source["cases"];
	        this.caseShare = source["caseShare"];
	    }
	}
	
	export class PrivacyFindingDTO {
	    place: string;
	    document: number;
	    documentName: string;
	    case: number;
	    caseName: string;
	    attribute: string;
	    memo: number;
	    memoOn: string;
	    memoAuthor: string;
	    start: number;
	    end: number;
	    kind: string;
	    text: string;
	    confidence: number;
	    before: string;
	    after: string;
	    contextStart: number;
	    clippedBefore: boolean;
	    clippedAfter: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PrivacyFindingDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.place = source["place"];
	        this.document = source["document"];
	        this.documentName = source["documentName"];
	        this.case = source["case"];
	        this.caseName = source["caseName"];
	        this.attribute = source["attribute"];
	        this.memo = source["memo"];
	        this.memoOn = source["memoOn"];
	        this.memoAuthor = source["memoAuthor"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.kind = source["kind"];
	        this.text = source["text"];
	        this.confidence = source["confidence"];
	        this.before = source["before"];
	        this.after = source["after"];
	        this.contextStart = source["contextStart"];
	        this.clippedBefore = source["clippedBefore"];
	        this.clippedAfter = source["clippedAfter"];
	    }
	}
	export class PrivacyGroupDTO {
	    key: string;
	    kind: string;
	    text: string;
	    confidence: number;
	    suggested: string;
	    documents: number;
	    memos: number;
	    findings: PrivacyFindingDTO[];
	
	    static createFrom(source: any = {}) {
	        return new PrivacyGroupDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.kind = source["kind"];
	        this.text = source["text"];
	        this.confidence = source["confidence"];
	        this.suggested = source["suggested"];
	        this.documents = source["documents"];
	        this.memos = source["memos"];
	        this.findings = this.convertValues(source["findings"], PrivacyFindingDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PrivacyOccurrenceDTO {
	    document: number;
	    start: number;
	    end: number;
	    text: string;
	    place: string;
	    case: number;
	    attribute: string;
	    memo: number;
	
	    static createFrom(source: any = {}) {
	        return new PrivacyOccurrenceDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.document = source["document"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.text = source["text"];
	        this.place = source["place"];
	        this.case = source["case"];
	        this.attribute = source["attribute"];
	        this.memo = source["memo"];
	    }
	}
	export class PrivacyReplaceSummaryDTO {
	    replacements: number;
	    documents: number;
	    segments: number;
	    turns: number;
	    names: number;
	    keyEntries: number;
	    warnings: string[];
	
	    static createFrom(source: any = {}) {
	        return new PrivacyReplaceSummaryDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.replacements = source["replacements"];
	        this.documents = source["documents"];
	        this.segments = source["segments"];
	        this.turns = source["turns"];
	        this.names = source["names"];
	        this.keyEntries = source["keyEntries"];
	        this.warnings = source["warnings"];
	    }
	}
	export class PrivacyReplacementDTO {
	    kind: string;
	    pseudonym: string;
	    occurrences: PrivacyOccurrenceDTO[];
	
	    static createFrom(source: any = {}) {
	        return new PrivacyReplacementDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.pseudonym = source["pseudonym"];
	        this.occurrences = this.convertValues(source["occurrences"], PrivacyOccurrenceDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PrivacyScanDTO {
	    groups: PrivacyGroupDTO[];
	    findings: number;
	    dismissed: number;
	    documents: number;
	    keyEntries: number;
	
	    static createFrom(source: any = {}) {
	        return new PrivacyScanDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.groups = this.convertValues(source["groups"], PrivacyGroupDTO);
	        this.findings = source["findings"];
	        this.dismissed = source["dismissed"];
	        this.documents = source["documents"];
	        this.keyEntries = source["keyEntries"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ProgressDTO {
	    coders: CoderProgressDTO[];
	    sample: number;
	    sampleComplete: number;
	
	    static createFrom(source: any = {}) {
	        return new ProgressDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.coders = this.convertValues(source["coders"], CoderProgressDTO);
	        this.sample = source["sample"];
	        this.sampleComplete = source["sampleComplete"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class QuoteDTO {
	    segmentId: number;
	    documentId: number;
	    document: string;
	    speaker: string;
	    case: string;
	    coder: string;
	    coderId: number;
	    text: string;
	    start: number;
	    end: number;
	    segmentIds: number[];
	    coders: string[];
	    exemplarId: number;
	    cuts: number[][];
	    trimmed: string;
	
	    static createFrom(source: any = {}) {
	        return new QuoteDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.segmentId = source["segmentId"];
	        this.documentId = source["documentId"];
	        this.document = source["document"];
	        this.speaker = source["speaker"];
	        this.case = source["case"];
	        this.coder = source["coder"];
	        this.coderId = source["coderId"];
	        this.text = source["text"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.segmentIds = source["segmentIds"];
	        this.coders = source["coders"];
	        this.exemplarId = source["exemplarId"];
	        this.cuts = source["cuts"];
	        this.trimmed = source["trimmed"];
	    }
	}
	export class QuotesDTO {
	    code: CodeDTO;
	    quotes: QuoteDTO[];
	
	    static createFrom(source: any = {}) {
	        return new QuotesDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = this.convertValues(source["code"], CodeDTO);
	        this.quotes = this.convertValues(source["quotes"], QuoteDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RecentProject {
	    path: string;
	    name: string;
	    openedAt: string;
	    exists: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RecentProject(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.name = source["name"];
	        this.openedAt = source["openedAt"];
	        this.exists = source["exists"];
	    }
	}
	export class ReportAttributeDTO {
	    name: string;
	    type: string;
	    values: string[];
	
	    static createFrom(source: any = {}) {
	        return new ReportAttributeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.type = source["type"];
	        this.values = source["values"];
	    }
	}
	export class ReportAttributionDTO {
	    case: boolean;
	    speaker: boolean;
	    document: boolean;
	    attributes: string[];
	
	    static createFrom(source: any = {}) {
	        return new ReportAttributionDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.case = source["case"];
	        this.speaker = source["speaker"];
	        this.document = source["document"];
	        this.attributes = source["attributes"];
	    }
	}
	export class ReportCodeDTO {
	    id: number;
	    parent: number;
	    ref: string;
	    name: string;
	    depth: number;
	    isFactor: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ReportCodeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.parent = source["parent"];
	        this.ref = source["ref"];
	        this.name = source["name"];
	        this.depth = source["depth"];
	        this.isFactor = source["isFactor"];
	    }
	}
	export class ReportFilterDTO {
	    documents: number[];
	    cases: string[];
	    attributes: Record<string, Array<string>>;
	
	    static createFrom(source: any = {}) {
	        return new ReportFilterDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.documents = source["documents"];
	        this.cases = source["cases"];
	        this.attributes = source["attributes"];
	    }
	}
	export class ReportFrameworkDTO {
	    id: number;
	    name: string;
	    active: boolean;
	    codes: ReportCodeDTO[];
	
	    static createFrom(source: any = {}) {
	        return new ReportFrameworkDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.active = source["active"];
	        this.codes = this.convertValues(source["codes"], ReportCodeDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReportInput {
	    framework: number;
	    codes: number[];
	    layer: number;
	    filter: ReportFilterDTO;
	    order: string;
	    starredOnly: boolean;
	    attribution: ReportAttributionDTO;
	    breakdown: string;
	    agreement: boolean;
	    memos: boolean;
	    title: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.framework = source["framework"];
	        this.codes = source["codes"];
	        this.layer = source["layer"];
	        this.filter = this.convertValues(source["filter"], ReportFilterDTO);
	        this.order = source["order"];
	        this.starredOnly = source["starredOnly"];
	        this.attribution = this.convertValues(source["attribution"], ReportAttributionDTO);
	        this.breakdown = source["breakdown"];
	        this.agreement = source["agreement"];
	        this.memos = source["memos"];
	        this.title = source["title"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReportLayerDTO {
	    coder: number;
	    name: string;
	    kind: string;
	    coders: string[];
	    default: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ReportLayerDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.coder = source["coder"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.coders = source["coders"];
	        this.default = source["default"];
	    }
	}
	export class ReportOptionsDTO {
	    frameworks: ReportFrameworkDTO[];
	    framework: number;
	    layers: ReportLayerDTO[];
	    attributes: ReportAttributeDTO[];
	    attribution: ReportAttributionDTO;
	    breakdown: string;
	    canCompare: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ReportOptionsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.frameworks = this.convertValues(source["frameworks"], ReportFrameworkDTO);
	        this.framework = source["framework"];
	        this.layers = this.convertValues(source["layers"], ReportLayerDTO);
	        this.attributes = this.convertValues(source["attributes"], ReportAttributeDTO);
	        this.attribution = this.convertValues(source["attribution"], ReportAttributionDTO);
	        this.breakdown = source["breakdown"];
	        this.canCompare = source["canCompare"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReviewDTO {
	    coderA: CoderDTO;
	    coderB: CoderDTO;
	    consensus?: CoderDTO;
	    threshold: number;
	    total: number;
	    settled: number;
	    agreed: number;
	    items: DisagreementDTO[];
	
	    static createFrom(source: any = {}) {
	        return new ReviewDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.coderA = this.convertValues(source["coderA"], CoderDTO);
	        this.coderB = this.convertValues(source["coderB"], CoderDTO);
	        this.consensus = this.convertValues(source["consensus"], CoderDTO);
	        this.threshold = source["threshold"];
	        this.total = source["total"];
	        this.settled = source["settled"];
	        this.agreed = source["agreed"];
	        this.items = this.convertValues(source["items"], DisagreementDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReviewInput {
	    coderA: number;
	    coderB: number;
	    documents: number[];
	    codes: number[];
	    threshold: number;
	
	    static createFrom(source: any = {}) {
	        return new ReviewInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.coderA = source["coderA"];
	        this.coderB = source["coderB"];
	        this.documents = source["documents"];
	        this.codes = source["codes"];
	        this.threshold = source["threshold"];
	    }
	}
	export class SearchDocumentDTO {
	    id: number;
	    name: string;
	    turns: number;
	    hits: number;
	
	    static createFrom(source: any = {}) {
	        return new SearchDocumentDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.turns = source["turns"];
	        this.hits = source["hits"];
	    }
	}
	export class SearchHitDTO {
	    document: number;
	    name: string;
	    turn: number;
	    speaker: string;
	    case: string;
	    excluded: boolean;
	    start: number;
	    end: number;
	    turnStart: number;
	    turnEnd: number;
	    whole: boolean;
	    before: string;
	    match: string;
	    after: string;
	
	    static createFrom(source: any = {}) {
	        return new SearchHitDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.document = source["document"];
	        this.name = source["name"];
	        this.turn = source["turn"];
	        this.speaker = source["speaker"];
	        this.case = source["case"];
	        this.excluded = source["excluded"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.turnStart = source["turnStart"];
	        this.turnEnd = source["turnEnd"];
	        this.whole = source["whole"];
	        this.before = source["before"];
	        this.match = source["match"];
	        this.after = source["after"];
	    }
	}
	export class SearchInfoDTO {
	    documents: number;
	    turns: number;
	    fields: string[];
	    attributes: string[];
	    coders: string[];
	    blind: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SearchInfoDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.documents = source["documents"];
	        this.turns = source["turns"];
	        this.fields = source["fields"];
	        this.attributes = source["attributes"];
	        this.coders = source["coders"];
	        this.blind = source["blind"];
	    }
	}
	export class SearchResultsDTO {
	    query: string;
	    turns: number;
	    hits: SearchHitDTO[];
	    documents: SearchDocumentDTO[];
	    truncated: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SearchResultsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.turns = source["turns"];
	        this.hits = this.convertValues(source["hits"], SearchHitDTO);
	        this.documents = this.convertValues(source["documents"], SearchDocumentDTO);
	        this.truncated = source["truncated"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class SendSummaryDTO {
	    path: string;
	    file: string;
	    coder: string;
	    documents: number;
	    segments: number;
	    memos: number;
	
	    static createFrom(source: any = {}) {
	        return new SendSummaryDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.file = source["file"];
	        this.coder = source["coder"];
	        this.documents = source["documents"];
	        this.segments = source["segments"];
	        this.memos = source["memos"];
	    }
	}
	
	
	
	
	export class SpeakerPresetDTO {
	    id: string;
	    label: string;
	    pattern: string;
	    example: string;
	
	    static createFrom(source: any = {}) {
	        return new SpeakerPresetDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.label = source["label"];
	        this.pattern = source["pattern"];
	        this.example = source["example"];
	    }
	}
	export class StartState {
	    project?: ProjectInfo;
	    recent: RecentProject[];
	    defaultFolder: string;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new StartState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.project = this.convertValues(source["project"], ProjectInfo);
	        this.recent = this.convertValues(source["recent"], RecentProject);
	        this.defaultFolder = source["defaultFolder"];
	        this.error = source["error"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class SummaryDTO {
	    scope: ThemeScopeDTO;
	    rows: PrevalenceRowDTO[];
	
	    static createFrom(source: any = {}) {
	        return new SummaryDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scope = this.convertValues(source["scope"], ThemeScopeDTO);
	        this.rows = this.convertValues(source["rows"], PrevalenceRowDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SummaryInput {
	    framework: number;
	    layer: number;
	    filter: ThemeFilterDTO;
	
	    static createFrom(source: any = {}) {
	        return new SummaryInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.framework = source["framework"];
	        this.layer = source["layer"];
	        this.filter = this.convertValues(source["filter"], ThemeFilterDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TableInput {
	    view: string;
	    framework: number;
	    with: number;
	    layer: number;
	    filter: ThemeFilterDTO;
	    attribute: string;
	    jaccard: boolean;
	    format: string;
	
	    static createFrom(source: any = {}) {
	        return new TableInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.view = source["view"];
	        this.framework = source["framework"];
	        this.with = source["with"];
	        this.layer = source["layer"];
	        this.filter = this.convertValues(source["filter"], ThemeFilterDTO);
	        this.attribute = source["attribute"];
	        this.jaccard = source["jaccard"];
	        this.format = source["format"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ThemeAttributeDTO {
	    name: string;
	    type: string;
	    values: string[];
	
	    static createFrom(source: any = {}) {
	        return new ThemeAttributeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.type = source["type"];
	        this.values = source["values"];
	    }
	}
	
	export class ThemeDocumentDTO {
	    id: number;
	    name: string;
	    case: string;
	
	    static createFrom(source: any = {}) {
	        return new ThemeDocumentDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.case = source["case"];
	    }
	}
	
	
	
	export class ThemesOptionsDTO {
	    layers: LayerDTO[];
	    frameworks: ThemeFrameworkDTO[];
	    documents: ThemeDocumentDTO[];
	    cases: string[];
	    attributes: ThemeAttributeDTO[];
	
	    static createFrom(source: any = {}) {
	        return new ThemesOptionsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.layers = this.convertValues(source["layers"], LayerDTO);
	        this.frameworks = this.convertValues(source["frameworks"], ThemeFrameworkDTO);
	        this.documents = this.convertValues(source["documents"], ThemeDocumentDTO);
	        this.cases = source["cases"];
	        this.attributes = this.convertValues(source["attributes"], ThemeAttributeDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class UndoResult {
	    document: number;
	    documents: number[];
	    done: string;
	    history: HistoryDTO;
	
	    static createFrom(source: any = {}) {
	        return new UndoResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.document = source["document"];
	        this.documents = source["documents"];
	        this.done = source["done"];
	        this.history = this.convertValues(source["history"], HistoryDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class UnitDTO {
	    name: string;
	    label: string;
	    help: string;
	
	    static createFrom(source: any = {}) {
	        return new UnitDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.label = source["label"];
	        this.help = source["help"];
	    }
	}
	export class UnitizedCodeDTO {
	    code: string;
	    kuAlpha: StatisticDTO;
	    binaryUAlpha: StatisticDTO;
	
	    static createFrom(source: any = {}) {
	        return new UnitizedCodeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.kuAlpha = this.convertValues(source["kuAlpha"], StatisticDTO);
	        this.binaryUAlpha = this.convertValues(source["binaryUAlpha"], StatisticDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class UnitizedDTO {
	    coders: CoderDTO[];
	    documents: number;
	    length: number;
	    uAlpha: StatisticDTO;
	    binaryUAlpha: StatisticDTO;
	    cuAlpha: StatisticDTO;
	    perCode: UnitizedCodeDTO[];
	    codebook: string;
	
	    static createFrom(source: any = {}) {
	        return new UnitizedDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.coders = this.convertValues(source["coders"], CoderDTO);
	        this.documents = source["documents"];
	        this.length = source["length"];
	        this.uAlpha = this.convertValues(source["uAlpha"], StatisticDTO);
	        this.binaryUAlpha = this.convertValues(source["binaryUAlpha"], StatisticDTO);
	        this.cuAlpha = this.convertValues(source["cuAlpha"], StatisticDTO);
	        this.perCode = this.convertValues(source["perCode"], UnitizedCodeDTO);
	        this.codebook = source["codebook"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

