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
	
	    static createFrom(source: any = {}) {
	        return new CoderDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
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
	
	export class CodeDTO {
	    id: number;
	    parent: number;
	    name: string;
	    definition: string;
	    color: string;
	    key: string;
	    codable: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CodeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.parent = source["parent"];
	        this.name = source["name"];
	        this.definition = source["definition"];
	        this.color = source["color"];
	        this.key = source["key"];
	        this.codable = source["codable"];
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
	export class TurnDTO {
	    speaker: string;
	    timestamp: string;
	    start: number;
	    contentStart: number;
	    end: number;
	
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
	export class ImportedDTO {
	    name: string;
	    id: number;
	    duplicateOf: string;
	    turns: number;
	    words: number;
	
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
	
	export class UndoResult {
	    document: number;
	    done: string;
	    history: HistoryDTO;
	
	    static createFrom(source: any = {}) {
	        return new UndoResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.document = source["document"];
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

}

