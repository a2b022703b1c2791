/**
 * Types of /api/v1, generated from the OpenAPI document (app/api/openapi.server.ts) by
 * `npm run api:client`. Do not edit: a test fails when this file and the document disagree.
 */
export interface paths {
    "/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List calls
         * @description Oldest change first; follow `nextCursor`. A row changed again is listed again.
         */
        get: {
            parameters: {
                query?: {
                    campaignId?: string;
                    cursor?: string;
                    limit?: number;
                    needId?: string;
                    status?: "DRAFT" | "PUBLISHED" | "AWARDED" | "CLOSED" | "CANCELLED";
                    updatedSince?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                campaignId: string | null;
                                /**
                                 * Format: date-time
                                 * @description UTC, ISO 8601
                                 */
                                createdAt: string;
                                criteria: {
                                    name: string;
                                    weight: number;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description UTC, ISO 8601
                                 */
                                deadline: string;
                                decidedAt: string | null;
                                /** @description Exact amount in yuan, e.g. "12500.5" */
                                districtFundingYuan: string | null;
                                eligibleKinds: string[];
                                eligibleRegionGroups: string[];
                                id: string;
                                needId: string;
                                /** @description The enterprise that evaluates and awards */
                                organizationId: string;
                                /**
                                 * @description OPEN until the deadline, then EVALUATING until decided
                                 * @enum {string}
                                 */
                                phase: "DRAFT" | "OPEN" | "EVALUATING" | "AWARDED" | "CLOSED" | "CANCELLED";
                                publishedAt: string | null;
                                requirements: string;
                                rewardMaxYuan: string;
                                /** @description Exact amount in yuan, e.g. "12500.5" */
                                rewardMinYuan: string | null;
                                /** @description The public problem statement (the confidential part is never sent) */
                                statement: string;
                                title: string;
                                /**
                                 * Format: date-time
                                 * @description UTC, ISO 8601
                                 */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid query */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Publish a call from a need
         * @description The call form’s fields for one of your needs (the bureau: a campaign’s need, with district funding); `intent: draft` keeps it unpublished. Eligibility, weighted criteria (adding up to 100) and the deadline in Beijing time as on the page.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description For 24 hours, a retry with the same key returns the first answer instead of acting twice. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        confidentialDetail?: string;
                        criteria: {
                            name: string;
                            weight: number;
                        }[];
                        deadlineDate: string;
                        /** @default 17:00 */
                        deadlineTime?: string;
                        districtFundingYuan?: string;
                        eligibleKinds: ("UNIVERSITY" | "RESEARCH_INSTITUTE")[];
                        eligibleRegionGroups: ("BAODI" | "TIANJIN" | "BEIJING" | "HEBEI" | "OTHER")[];
                        /**
                         * @default publish
                         * @enum {string}
                         */
                        intent?: "publish" | "draft";
                        needId: string;
                        requirements: string;
                        rewardMaxYuan: string;
                        rewardMinYuan?: string;
                        statement: string;
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            campaignId: string | null;
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            createdAt: string;
                            criteria: {
                                name: string;
                                weight: number;
                            }[];
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            deadline: string;
                            decidedAt: string | null;
                            /** @description Exact amount in yuan, e.g. "12500.5" */
                            districtFundingYuan: string | null;
                            eligibleKinds: string[];
                            eligibleRegionGroups: string[];
                            id: string;
                            needId: string;
                            /** @description The enterprise that evaluates and awards */
                            organizationId: string;
                            /**
                             * @description OPEN until the deadline, then EVALUATING until decided
                             * @enum {string}
                             */
                            phase: "DRAFT" | "OPEN" | "EVALUATING" | "AWARDED" | "CLOSED" | "CANCELLED";
                            publishedAt: string | null;
                            requirements: string;
                            rewardMaxYuan: string;
                            /** @description Exact amount in yuan, e.g. "12500.5" */
                            rewardMinYuan: string | null;
                            /** @description The public problem statement (the confidential part is never sent) */
                            statement: string;
                            title: string;
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The body is not a JSON object, or the Idempotency-Key is malformed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such need, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The need already has a live call, or is not open; or The same request under this Idempotency-Key is still being processed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid fields, or an Idempotency-Key used for another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a call */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Call */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            campaignId: string | null;
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            createdAt: string;
                            criteria: {
                                name: string;
                                weight: number;
                            }[];
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            deadline: string;
                            decidedAt: string | null;
                            /** @description Exact amount in yuan, e.g. "12500.5" */
                            districtFundingYuan: string | null;
                            eligibleKinds: string[];
                            eligibleRegionGroups: string[];
                            id: string;
                            needId: string;
                            /** @description The enterprise that evaluates and awards */
                            organizationId: string;
                            /**
                             * @description OPEN until the deadline, then EVALUATING until decided
                             * @enum {string}
                             */
                            phase: "DRAFT" | "OPEN" | "EVALUATING" | "AWARDED" | "CLOSED" | "CANCELLED";
                            publishedAt: string | null;
                            requirements: string;
                            rewardMaxYuan: string;
                            /** @description Exact amount in yuan, e.g. "12500.5" */
                            rewardMinYuan: string | null;
                            /** @description The public problem statement (the confidential part is never sent) */
                            statement: string;
                            title: string;
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calls/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish or cancel a call
         * @description `publish` a draft (its deadline still ahead), or `cancel` with a `reason` the applicants are told.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description For 24 hours, a retry with the same key returns the first answer instead of acting twice. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @constant */
                        transition: "publish";
                    } | {
                        reason: string;
                        /** @constant */
                        transition: "cancel";
                    };
                };
            };
            responses: {
                /** @description Done */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            campaignId: string | null;
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            createdAt: string;
                            criteria: {
                                name: string;
                                weight: number;
                            }[];
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            deadline: string;
                            decidedAt: string | null;
                            /** @description Exact amount in yuan, e.g. "12500.5" */
                            districtFundingYuan: string | null;
                            eligibleKinds: string[];
                            eligibleRegionGroups: string[];
                            id: string;
                            needId: string;
                            /** @description The enterprise that evaluates and awards */
                            organizationId: string;
                            /**
                             * @description OPEN until the deadline, then EVALUATING until decided
                             * @enum {string}
                             */
                            phase: "DRAFT" | "OPEN" | "EVALUATING" | "AWARDED" | "CLOSED" | "CANCELLED";
                            publishedAt: string | null;
                            requirements: string;
                            rewardMaxYuan: string;
                            /** @description Exact amount in yuan, e.g. "12500.5" */
                            rewardMinYuan: string | null;
                            /** @description The public problem statement (the confidential part is never sent) */
                            statement: string;
                            title: string;
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The body is not a JSON object, or the Idempotency-Key is malformed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The call’s state does not allow it; or The same request under this Idempotency-Key is still being processed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid fields, or an Idempotency-Key used for another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List contracts
         * @description Oldest change first; follow `nextCursor`. A row changed again is listed again.
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    status?: "DRAFT" | "SIGNED" | "SUBMITTED" | "REGISTERED" | "AMENDED" | "TERMINATED";
                    type?: "DEVELOPMENT_COMMISSIONED" | "DEVELOPMENT_COOPERATIVE" | "TRANSFER" | "LICENSE" | "CONSULTING" | "SERVICE";
                    updatedSince?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description 成交额 */
                                amountYuan: string;
                                buyer: {
                                    creditCode: string | null;
                                    name: string;
                                    organizationId: string | null;
                                };
                                confirmed: {
                                    buyer: boolean;
                                    seller: boolean;
                                };
                                /**
                                 * Format: date-time
                                 * @description UTC, ISO 8601
                                 */
                                createdAt: string;
                                fieldCode: string | null;
                                id: string;
                                introductionId: string | null;
                                milestones: {
                                    amountYuan: string;
                                    dueOn: string | null;
                                    id: string;
                                    paidAt: string | null;
                                    paidYuan: string;
                                    refundedYuan: string;
                                    seq: number;
                                    status: string;
                                    title: string;
                                }[];
                                needId: string | null;
                                projectName: string;
                                proposalId: string | null;
                                registeredAt: string | null;
                                registrationNumber: string | null;
                                seller: {
                                    creditCode: string | null;
                                    name: string;
                                    organizationId: string | null;
                                };
                                /**
                                 * Format: date
                                 * @description Calendar date (Beijing)
                                 */
                                signedOn: string;
                                /** @enum {string} */
                                status: "DRAFT" | "SIGNED" | "SUBMITTED" | "REGISTERED" | "AMENDED" | "TERMINATED";
                                /** @description 技术交易额 */
                                techAmountYuan: string;
                                /** @description Send it back to confirm these terms */
                                termsVersion: number;
                                /** @enum {string} */
                                type: "DEVELOPMENT_COMMISSIONED" | "DEVELOPMENT_COOPERATIVE" | "TRANSFER" | "LICENSE" | "CONSULTING" | "SERVICE";
                                /**
                                 * Format: date-time
                                 * @description UTC, ISO 8601
                                 */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid query */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Draft a contract
         * @description The contract form’s fields; `ourSide` says which party the token’s organization is. The other party is linked by its credit code when it is on the platform, never by name.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description For 24 hours, a retry with the same key returns the first answer instead of acting twice. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        amountYuan: string;
                        buyerCreditCode?: string;
                        /** @enum {string} */
                        buyerEntityType: "ENTERPRISE" | "UNIVERSITY" | "RESEARCH_INSTITUTE" | "HOSPITAL" | "GOVERNMENT" | "SOCIAL_ORGANIZATION" | "INDIVIDUAL" | "OTHER";
                        buyerName: string;
                        buyerRegionCode: string;
                        expectedInvestmentYuan?: string;
                        expectedOutputYuan?: string;
                        fieldCode?: string;
                        introductionId?: string;
                        /**
                         * @default NONE
                         * @enum {string}
                         */
                        ipType?: "INVENTION_PATENT" | "UTILITY_MODEL" | "DESIGN_PATENT" | "SOFTWARE_COPYRIGHT" | "IC_LAYOUT" | "PLANT_VARIETY" | "NEW_DRUG" | "TECHNICAL_SECRET" | "OTHER" | "NONE";
                        milestones?: {
                            amountYuan: string;
                            dueOn?: string;
                            title: string;
                        }[];
                        note?: string;
                        /** @enum {string} */
                        ourSide: "buyer" | "seller";
                        /**
                         * @default LUMP_SUM
                         * @enum {string}
                         */
                        paymentMode?: "LUMP_SUM" | "INSTALMENTS" | "ROYALTY" | "ENTRY_FEE_ROYALTY";
                        projectName: string;
                        sellerCreditCode?: string;
                        /** @enum {string} */
                        sellerEntityType: "ENTERPRISE" | "UNIVERSITY" | "RESEARCH_INSTITUTE" | "HOSPITAL" | "GOVERNMENT" | "SOCIAL_ORGANIZATION" | "INDIVIDUAL" | "OTHER";
                        sellerName: string;
                        sellerRegionCode: string;
                        signedOn?: string;
                        techAmountYuan: string;
                        /** @enum {string} */
                        type: "DEVELOPMENT_COMMISSIONED" | "DEVELOPMENT_COOPERATIVE" | "TRANSFER" | "LICENSE" | "CONSULTING" | "SERVICE";
                        validFrom?: string;
                        validTo?: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 成交额 */
                            amountYuan: string;
                            buyer: {
                                creditCode: string | null;
                                name: string;
                                organizationId: string | null;
                            };
                            confirmed: {
                                buyer: boolean;
                                seller: boolean;
                            };
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            createdAt: string;
                            fieldCode: string | null;
                            id: string;
                            introductionId: string | null;
                            milestones: {
                                amountYuan: string;
                                dueOn: string | null;
                                id: string;
                                paidAt: string | null;
                                paidYuan: string;
                                refundedYuan: string;
                                seq: number;
                                status: string;
                                title: string;
                            }[];
                            needId: string | null;
                            projectName: string;
                            proposalId: string | null;
                            registeredAt: string | null;
                            registrationNumber: string | null;
                            seller: {
                                creditCode: string | null;
                                name: string;
                                organizationId: string | null;
                            };
                            /**
                             * Format: date
                             * @description Calendar date (Beijing)
                             */
                            signedOn: string;
                            /** @enum {string} */
                            status: "DRAFT" | "SIGNED" | "SUBMITTED" | "REGISTERED" | "AMENDED" | "TERMINATED";
                            /** @description 技术交易额 */
                            techAmountYuan: string;
                            /** @description Send it back to confirm these terms */
                            termsVersion: number;
                            /** @enum {string} */
                            type: "DEVELOPMENT_COMMISSIONED" | "DEVELOPMENT_COOPERATIVE" | "TRANSFER" | "LICENSE" | "CONSULTING" | "SERVICE";
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The body is not a JSON object, or the Idempotency-Key is malformed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The same request under this Idempotency-Key is still being processed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid fields, or an Idempotency-Key used for another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contracts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a contract */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Contract */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 成交额 */
                            amountYuan: string;
                            buyer: {
                                creditCode: string | null;
                                name: string;
                                organizationId: string | null;
                            };
                            confirmed: {
                                buyer: boolean;
                                seller: boolean;
                            };
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            createdAt: string;
                            fieldCode: string | null;
                            id: string;
                            introductionId: string | null;
                            milestones: {
                                amountYuan: string;
                                dueOn: string | null;
                                id: string;
                                paidAt: string | null;
                                paidYuan: string;
                                refundedYuan: string;
                                seq: number;
                                status: string;
                                title: string;
                            }[];
                            needId: string | null;
                            projectName: string;
                            proposalId: string | null;
                            registeredAt: string | null;
                            registrationNumber: string | null;
                            seller: {
                                creditCode: string | null;
                                name: string;
                                organizationId: string | null;
                            };
                            /**
                             * Format: date
                             * @description Calendar date (Beijing)
                             */
                            signedOn: string;
                            /** @enum {string} */
                            status: "DRAFT" | "SIGNED" | "SUBMITTED" | "REGISTERED" | "AMENDED" | "TERMINATED";
                            /** @description 技术交易额 */
                            techAmountYuan: string;
                            /** @description Send it back to confirm these terms */
                            termsVersion: number;
                            /** @enum {string} */
                            type: "DEVELOPMENT_COMMISSIONED" | "DEVELOPMENT_COOPERATIVE" | "TRANSFER" | "LICENSE" | "CONSULTING" | "SERVICE";
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contracts/{id}/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a lifecycle step
         * @description As on the contract page: `confirm` the `termsVersion` you read (both parties confirm before signing), `sign`, `submit`; the bureau `register`s with the registry’s number.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description For 24 hours, a retry with the same key returns the first answer instead of acting twice. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @constant */
                        intent: "confirm";
                        termsVersion: number;
                    } | {
                        /** @constant */
                        intent: "sign";
                        signedOn?: string;
                    } | {
                        /** @constant */
                        intent: "submit";
                    } | {
                        /** @constant */
                        intent: "register";
                        registrationNumber: string;
                    } | {
                        amountYuan: string;
                        /** @constant */
                        intent: "amend";
                        reason: string;
                        techAmountYuan: string;
                    } | {
                        amountYuan: string;
                        /** @constant */
                        intent: "proposeAmendment";
                        reason: string;
                        techAmountYuan: string;
                    } | {
                        amendmentId: string;
                        /** @constant */
                        intent: "confirmAmendment";
                    } | {
                        amendmentId: string;
                        /** @constant */
                        intent: "withdrawAmendment";
                    } | {
                        amendmentId: string;
                        /** @constant */
                        intent: "registerAmendment";
                    } | {
                        /** @constant */
                        intent: "terminate";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Done */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 成交额 */
                            amountYuan: string;
                            buyer: {
                                creditCode: string | null;
                                name: string;
                                organizationId: string | null;
                            };
                            confirmed: {
                                buyer: boolean;
                                seller: boolean;
                            };
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            createdAt: string;
                            fieldCode: string | null;
                            id: string;
                            introductionId: string | null;
                            milestones: {
                                amountYuan: string;
                                dueOn: string | null;
                                id: string;
                                paidAt: string | null;
                                paidYuan: string;
                                refundedYuan: string;
                                seq: number;
                                status: string;
                                title: string;
                            }[];
                            needId: string | null;
                            projectName: string;
                            proposalId: string | null;
                            registeredAt: string | null;
                            registrationNumber: string | null;
                            seller: {
                                creditCode: string | null;
                                name: string;
                                organizationId: string | null;
                            };
                            /**
                             * Format: date
                             * @description Calendar date (Beijing)
                             */
                            signedOn: string;
                            /** @enum {string} */
                            status: "DRAFT" | "SIGNED" | "SUBMITTED" | "REGISTERED" | "AMENDED" | "TERMINATED";
                            /** @description 技术交易额 */
                            techAmountYuan: string;
                            /** @description Send it back to confirm these terms */
                            termsVersion: number;
                            /** @enum {string} */
                            type: "DEVELOPMENT_COMMISSIONED" | "DEVELOPMENT_COOPERATIVE" | "TRANSFER" | "LICENSE" | "CONSULTING" | "SERVICE";
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The body is not a JSON object, or the Idempotency-Key is malformed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The step is not allowed now; or The same request under this Idempotency-Key is still being processed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid fields, or an Idempotency-Key used for another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/experts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List experts
         * @description Oldest change first; follow `nextCursor`. A row changed again is listed again.
         */
        get: {
            parameters: {
                query?: {
                    available?: "true" | "false";
                    cursor?: string;
                    fieldCode?: string;
                    limit?: number;
                    status?: "DRAFT" | "PUBLISHED" | "ARCHIVED";
                    updatedSince?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Expert"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid query */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a expert */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description For 24 hours, a retry with the same key returns the first answer instead of acting twice. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ExpertInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Expert"];
                    };
                };
                /** @description The body is not a JSON object, or the Idempotency-Key is malformed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The same request under this Idempotency-Key is still being processed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid fields, or an Idempotency-Key used for another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/experts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a expert */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Expert */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Expert"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change fields of a expert */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ExpertInput"];
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Expert"];
                    };
                };
                /** @description The body is not a JSON object, or the Idempotency-Key is malformed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The same request under this Idempotency-Key is still being processed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid fields, or an Idempotency-Key used for another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/experts/{id}/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Needs one of your experts could answer
         * @description Open needs, best first, with confidence (1–5) and reasons, and the enterprises behind them.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    minConfidence?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enterprises: {
                                bestScore: number;
                                name: string;
                                needs: number;
                                organizationId: string;
                            }[];
                            needs: {
                                confidence: number;
                                enterprise: string;
                                matchedTerms: string[];
                                needId: string;
                                organizationId: string;
                                /** @description Why it matches, in Chinese */
                                reasons: string[];
                                /** @description The same reasons in English */
                                reasonsEn: string[];
                                score: number;
                                title: string;
                            }[];
                            terms: string[];
                        };
                    };
                };
                /** @description Invalid query */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/experts/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the status of a expert */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description For 24 hours, a retry with the same key returns the first answer instead of acting twice. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        transition: "publish" | "archive" | "republish";
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Expert"];
                    };
                };
                /** @description The body is not a JSON object, or the Idempotency-Key is malformed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The status does not allow it; or The same request under this Idempotency-Key is still being processed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid fields, or an Idempotency-Key used for another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/introductions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List introductions
         * @description Oldest change first; follow `nextCursor`. A row changed again is listed again.
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    direction?: "REQUEST" | "OFFER";
                    limit?: number;
                    side?: "requester" | "target";
                    status?: "REQUESTED" | "ACCEPTED" | "DECLINED" | "EXPIRED" | "WITHDRAWN";
                    updatedSince?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /**
                                 * Format: date-time
                                 * @description UTC, ISO 8601
                                 */
                                createdAt: string;
                                declineNote: string | null;
                                declineReason: ("TOO_EARLY" | "BENEFIT_UNCLEAR" | "OUTSIDE_FIELD" | "CAPACITY" | "OTHER") | null;
                                /**
                                 * @description REQUEST: the enterprise asked; OFFER: the institution offered
                                 * @enum {string}
                                 */
                                direction: "REQUEST" | "OFFER";
                                expertId: string | null;
                                id: string;
                                message: string;
                                need: {
                                    id: string;
                                    title: string;
                                };
                                /** @description Only once accepted */
                                requesterContact: {
                                    email: string | null;
                                    name: string | null;
                                    phone: string | null;
                                } | null;
                                /** @description The enterprise */
                                requesterOrgId: string;
                                respondedAt: string | null;
                                /**
                                 * Format: date-time
                                 * @description UTC, ISO 8601
                                 */
                                responseDeadline: string;
                                resultId: string | null;
                                /** @enum {string} */
                                status: "REQUESTED" | "ACCEPTED" | "DECLINED" | "EXPIRED" | "WITHDRAWN";
                                /** @description Only once accepted */
                                targetContact: {
                                    email: string | null;
                                    name: string | null;
                                    phone: string | null;
                                } | null;
                                /** @description The institution */
                                targetOrgId: string;
                                /**
                                 * Format: date-time
                                 * @description UTC, ISO 8601
                                 */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid query */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/introductions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a introduction */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Introduction */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            createdAt: string;
                            declineNote: string | null;
                            declineReason: ("TOO_EARLY" | "BENEFIT_UNCLEAR" | "OUTSIDE_FIELD" | "CAPACITY" | "OTHER") | null;
                            /**
                             * @description REQUEST: the enterprise asked; OFFER: the institution offered
                             * @enum {string}
                             */
                            direction: "REQUEST" | "OFFER";
                            expertId: string | null;
                            id: string;
                            message: string;
                            need: {
                                id: string;
                                title: string;
                            };
                            /** @description Only once accepted */
                            requesterContact: {
                                email: string | null;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            /** @description The enterprise */
                            requesterOrgId: string;
                            respondedAt: string | null;
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            responseDeadline: string;
                            resultId: string | null;
                            /** @enum {string} */
                            status: "REQUESTED" | "ACCEPTED" | "DECLINED" | "EXPIRED" | "WITHDRAWN";
                            /** @description Only once accepted */
                            targetContact: {
                                email: string | null;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            /** @description The institution */
                            targetOrgId: string;
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/introductions/{id}/response": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer an introduction
         * @description The institution answers a request, the enterprise an offer: `decision` ACCEPTED, or DECLINED with a `reason` (and a `note` for OTHER). `intent` may be left out.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description For 24 hours, a retry with the same key returns the first answer instead of acting twice. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @constant */
                        decision: "ACCEPTED";
                        /** @constant */
                        intent: "respond";
                        note?: string;
                    } | {
                        /** @constant */
                        decision: "DECLINED";
                        /** @constant */
                        intent: "respond";
                        note?: string;
                        /** @enum {string} */
                        reason: "TOO_EARLY" | "BENEFIT_UNCLEAR" | "OUTSIDE_FIELD" | "CAPACITY" | "OTHER";
                    };
                };
            };
            responses: {
                /** @description Done */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            createdAt: string;
                            declineNote: string | null;
                            declineReason: ("TOO_EARLY" | "BENEFIT_UNCLEAR" | "OUTSIDE_FIELD" | "CAPACITY" | "OTHER") | null;
                            /**
                             * @description REQUEST: the enterprise asked; OFFER: the institution offered
                             * @enum {string}
                             */
                            direction: "REQUEST" | "OFFER";
                            expertId: string | null;
                            id: string;
                            message: string;
                            need: {
                                id: string;
                                title: string;
                            };
                            /** @description Only once accepted */
                            requesterContact: {
                                email: string | null;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            /** @description The enterprise */
                            requesterOrgId: string;
                            respondedAt: string | null;
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            responseDeadline: string;
                            resultId: string | null;
                            /** @enum {string} */
                            status: "REQUESTED" | "ACCEPTED" | "DECLINED" | "EXPIRED" | "WITHDRAWN";
                            /** @description Only once accepted */
                            targetContact: {
                                email: string | null;
                                name: string | null;
                                phone: string | null;
                            } | null;
                            /** @description The institution */
                            targetOrgId: string;
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The body is not a JSON object, or the Idempotency-Key is malformed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope, or the other side answers this introduction */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Answered already, or expired; or The same request under this Idempotency-Key is still being processed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid fields, or an Idempotency-Key used for another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/needs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List needs
         * @description Oldest change first; follow `nextCursor`. A row changed again is listed again.
         */
        get: {
            parameters: {
                query?: {
                    cooperationMode?: "DEVELOPMENT" | "TRANSFER" | "LICENSE" | "CONSULTING" | "SERVICE" | "EQUITY";
                    cursor?: string;
                    fieldCode?: string;
                    limit?: number;
                    status?: "DRAFT" | "PUBLISHED" | "IN_PROGRESS" | "SOLVED" | "CLOSED" | "EXPIRED";
                    updatedSince?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Need"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid query */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a need */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description For 24 hours, a retry with the same key returns the first answer instead of acting twice. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["NeedInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Need"];
                    };
                };
                /** @description The body is not a JSON object, or the Idempotency-Key is malformed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The same request under this Idempotency-Key is still being processed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid fields, or an Idempotency-Key used for another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/needs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a need */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Need */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Need"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change fields of a need */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["NeedInput"];
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Need"];
                    };
                };
                /** @description The body is not a JSON object, or the Idempotency-Key is malformed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The same request under this Idempotency-Key is still being processed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid fields, or an Idempotency-Key used for another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/needs/{id}/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Matches of a need
         * @description Experts, research results or expert groups for one of your needs, best first, each with a score, a confidence (1–5) and the reasons. Matches below minConfidence are left out and counted in `hidden`.
         */
        get: {
            parameters: {
                query?: {
                    kind?: "experts" | "results" | "groups";
                    limit?: number;
                    minConfidence?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Matches below minConfidence, or declined, left out */
                            hidden: number;
                            /** @enum {string} */
                            kind: "experts" | "results" | "groups";
                            matches: ({
                                confidence: number;
                                /** @description The id in the institution’s own system, from imports */
                                externalId: string | null;
                                id: string;
                                institution: string;
                                matchedTerms: string[];
                                /** @description Expert name or result title */
                                name: string;
                                /** @description Why it matches, in Chinese */
                                reasons: string[];
                                /** @description The same reasons in English */
                                reasonsEn: string[];
                                score: number;
                                /** @description Feedback already given on it */
                                status: ("PROPOSED" | "ACCEPTED" | "DECLINED") | null;
                                /** @enum {string} */
                                type: "expert" | "result";
                            } | {
                                confidence: number;
                                /** @description Share of the need’s key aspects the group covers */
                                coverage: number;
                                externalId: null;
                                id: string;
                                members: {
                                    aspects: string[];
                                    expertId: string;
                                    externalId: string | null;
                                    institution: string;
                                    name: string;
                                }[];
                                /** @description Why it matches, in Chinese */
                                reasons: string[];
                                /** @description The same reasons in English */
                                reasonsEn: string[];
                                score: number;
                                uncovered: string[];
                            })[];
                            need: {
                                externalId: string | null;
                                id: string;
                                title: string;
                            };
                            /** @description Key terms taken from the need */
                            terms: string[];
                        };
                    };
                };
                /** @description Invalid query */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/needs/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the status of a need */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description For 24 hours, a retry with the same key returns the first answer instead of acting twice. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        transition: "publish" | "close" | "reopen";
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Need"];
                    };
                };
                /** @description The body is not a JSON object, or the Idempotency-Key is malformed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The status does not allow it; or The same request under this Idempotency-Key is still being processed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid fields, or an Idempotency-Key used for another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payments
         * @description Oldest change first; follow `nextCursor`. A row changed again is listed again.
         */
        get: {
            parameters: {
                query?: {
                    contractId?: string;
                    cursor?: string;
                    limit?: number;
                    status?: "PENDING" | "SUCCEEDED" | "FAILED" | "PARTIALLY_REFUNDED" | "REFUNDED" | "DISPUTED" | "CANCELED";
                    updatedSince?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amountYuan: string;
                                bankReference: string | null;
                                contractId: string | null;
                                /**
                                 * Format: date-time
                                 * @description UTC, ISO 8601
                                 */
                                createdAt: string;
                                id: string;
                                /** @enum {string} */
                                method: "STRIPE" | "BANK_TRANSFER";
                                milestoneId: string | null;
                                paidAt: string | null;
                                refundedYuan: string;
                                remittedOn: string | null;
                                /** @enum {string} */
                                status: "PENDING" | "SUCCEEDED" | "FAILED" | "PARTIALLY_REFUNDED" | "REFUNDED" | "DISPUTED" | "CANCELED";
                                /**
                                 * Format: date-time
                                 * @description UTC, ISO 8601
                                 */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid query */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a payment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Payment */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amountYuan: string;
                            bankReference: string | null;
                            contractId: string | null;
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            createdAt: string;
                            id: string;
                            /** @enum {string} */
                            method: "STRIPE" | "BANK_TRANSFER";
                            milestoneId: string | null;
                            paidAt: string | null;
                            refundedYuan: string;
                            remittedOn: string | null;
                            /** @enum {string} */
                            status: "PENDING" | "SUCCEEDED" | "FAILED" | "PARTIALLY_REFUNDED" | "REFUNDED" | "DISPUTED" | "CANCELED";
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List proposals
         * @description Oldest change first; follow `nextCursor`. A row changed again is listed again.
         */
        get: {
            parameters: {
                query?: {
                    callId?: string;
                    cursor?: string;
                    limit?: number;
                    status?: "DRAFT" | "SUBMITTED" | "WITHDRAWN" | "SHORTLISTED" | "AWARDED" | "UNSUCCESSFUL";
                    updatedSince?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                approach: string;
                                callId: string;
                                /**
                                 * Format: date-time
                                 * @description UTC, ISO 8601
                                 */
                                createdAt: string;
                                decidedAt: string | null;
                                durationMonths: number;
                                id: string;
                                milestones: {
                                    amountYuan: string;
                                    month: number;
                                    title: string;
                                }[];
                                /** @description The reason given with the outcome */
                                outcomeReason: string | null;
                                patents: string | null;
                                priceYuan: string;
                                resultIds: string[];
                                /** @enum {string} */
                                status: "DRAFT" | "SUBMITTED" | "WITHDRAWN" | "SHORTLISTED" | "AWARDED" | "UNSUCCESSFUL";
                                submittedAt: string | null;
                                teamExpertIds: string[];
                                /**
                                 * Format: date-time
                                 * @description UTC, ISO 8601
                                 */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid query */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Save or submit your proposal to a call
         * @description The proposal form’s fields and the `callId`; `intent: save` keeps a draft, `submit` enters it. One proposal per institution and call; milestones add up to the price; refused after the deadline (Beijing time) or when the call does not admit your institution.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description For 24 hours, a retry with the same key returns the first answer instead of acting twice. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        approach: string;
                        callId: string;
                        durationMonths: number;
                        /** @enum {string} */
                        intent: "save" | "submit";
                        milestones: {
                            amountYuan: string;
                            month: number;
                            title: string;
                        }[];
                        patents?: string;
                        priceYuan: string;
                        resultIds: string[];
                        teamExpertIds: string[];
                    };
                };
            };
            responses: {
                /** @description Done */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approach: string;
                            callId: string;
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            createdAt: string;
                            decidedAt: string | null;
                            durationMonths: number;
                            id: string;
                            milestones: {
                                amountYuan: string;
                                month: number;
                                title: string;
                            }[];
                            /** @description The reason given with the outcome */
                            outcomeReason: string | null;
                            patents: string | null;
                            priceYuan: string;
                            resultIds: string[];
                            /** @enum {string} */
                            status: "DRAFT" | "SUBMITTED" | "WITHDRAWN" | "SHORTLISTED" | "AWARDED" | "UNSUCCESSFUL";
                            submittedAt: string | null;
                            teamExpertIds: string[];
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The body is not a JSON object, or the Idempotency-Key is malformed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such call */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Past the deadline, not eligible, or locked; or The same request under this Idempotency-Key is still being processed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid fields, or an Idempotency-Key used for another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proposals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a proposal */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Proposal */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approach: string;
                            callId: string;
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            createdAt: string;
                            decidedAt: string | null;
                            durationMonths: number;
                            id: string;
                            milestones: {
                                amountYuan: string;
                                month: number;
                                title: string;
                            }[];
                            /** @description The reason given with the outcome */
                            outcomeReason: string | null;
                            patents: string | null;
                            priceYuan: string;
                            resultIds: string[];
                            /** @enum {string} */
                            status: "DRAFT" | "SUBMITTED" | "WITHDRAWN" | "SHORTLISTED" | "AWARDED" | "UNSUCCESSFUL";
                            submittedAt: string | null;
                            teamExpertIds: string[];
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proposals/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw your proposal
         * @description Before the deadline only; you may submit again until then.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description For 24 hours, a retry with the same key returns the first answer instead of acting twice. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Done */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approach: string;
                            callId: string;
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            createdAt: string;
                            decidedAt: string | null;
                            durationMonths: number;
                            id: string;
                            milestones: {
                                amountYuan: string;
                                month: number;
                                title: string;
                            }[];
                            /** @description The reason given with the outcome */
                            outcomeReason: string | null;
                            patents: string | null;
                            priceYuan: string;
                            resultIds: string[];
                            /** @enum {string} */
                            status: "DRAFT" | "SUBMITTED" | "WITHDRAWN" | "SHORTLISTED" | "AWARDED" | "UNSUCCESSFUL";
                            submittedAt: string | null;
                            teamExpertIds: string[];
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description The body is not a JSON object, or the Idempotency-Key is malformed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Past the deadline; or The same request under this Idempotency-Key is still being processed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid fields, or an Idempotency-Key used for another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List results
         * @description Oldest change first; follow `nextCursor`. A row changed again is listed again.
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    fieldCode?: string;
                    limit?: number;
                    status?: "DRAFT" | "PUBLISHED" | "ARCHIVED";
                    transferMode?: "DEVELOPMENT" | "TRANSFER" | "LICENSE" | "CONSULTING" | "SERVICE" | "EQUITY";
                    updatedSince?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Result"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid query */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a result */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description For 24 hours, a retry with the same key returns the first answer instead of acting twice. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ResultInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Result"];
                    };
                };
                /** @description The body is not a JSON object, or the Idempotency-Key is malformed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The same request under this Idempotency-Key is still being processed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid fields, or an Idempotency-Key used for another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/results/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a result */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Result */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Result"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change fields of a result */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ResultInput"];
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Result"];
                    };
                };
                /** @description The body is not a JSON object, or the Idempotency-Key is malformed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The same request under this Idempotency-Key is still being processed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid fields, or an Idempotency-Key used for another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/results/{id}/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Needs one of your results could answer
         * @description Open needs, best first, with confidence (1–5) and reasons, and the enterprises behind them.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    minConfidence?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enterprises: {
                                bestScore: number;
                                name: string;
                                needs: number;
                                organizationId: string;
                            }[];
                            needs: {
                                confidence: number;
                                enterprise: string;
                                matchedTerms: string[];
                                needId: string;
                                organizationId: string;
                                /** @description Why it matches, in Chinese */
                                reasons: string[];
                                /** @description The same reasons in English */
                                reasonsEn: string[];
                                score: number;
                                title: string;
                            }[];
                            terms: string[];
                        };
                    };
                };
                /** @description Invalid query */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/results/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the status of a result */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description For 24 hours, a retry with the same key returns the first answer instead of acting twice. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        transition: "publish" | "archive" | "republish";
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Result"];
                    };
                };
                /** @description The body is not a JSON object, or the Idempotency-Key is malformed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The status does not allow it; or The same request under this Idempotency-Key is still being processed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid fields, or an Idempotency-Key used for another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/search/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search published results, experts or needs
         * @description The search pages’ ranking (words and meaning). `field`, `region`, `stage`, `mode`, `institution` and `available` may repeat; the scope is the kind’s `:read`.
         */
        get: {
            parameters: {
                query?: {
                    available?: ("true" | "false")[];
                    field?: string[];
                    institution?: string[];
                    mode?: ("DEVELOPMENT" | "TRANSFER" | "LICENSE" | "CONSULTING" | "SERVICE" | "EQUITY")[];
                    page?: number;
                    q?: string;
                    region?: ("BAODI" | "BEIJING" | "TIANJIN" | "HEBEI" | "OTHER")[];
                    sort?: "relevance" | "newest";
                    stage?: ("LAB" | "SMALL_PILOT" | "PILOT" | "INDUSTRIAL")[];
                };
                header?: never;
                path: {
                    kind: "results" | "experts" | "needs";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Found */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            facets: {
                                [key: string]: {
                                    [key: string]: number;
                                };
                            };
                            hits: ({
                                highlights: {
                                    [key: string]: string;
                                };
                                id: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            page: number;
                            pages: number;
                            q: string;
                            total: number;
                        };
                    };
                };
                /** @description Invalid query */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, unknown, revoked or expired token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token lacks the scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such record, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limit (API_RATE_LIMIT requests a minute per token, 600 by default); see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Expert: {
            achievements: string | null;
            available: boolean;
            bio: string | null;
            /** @description Exact amount in yuan, e.g. "12500.5" */
            consultationFeeYuan: string | null;
            consultationMinutes: number | null;
            /** @enum {string} */
            contactVisibility: "AFTER_INTRODUCTION" | "PUBLIC" | "HIDDEN";
            /**
             * Format: date-time
             * @description UTC, ISO 8601
             */
            createdAt: string;
            directions: string[];
            /** @description Only for the expert’s own institution */
            email?: string | null;
            externalId: string | null;
            fieldCodes: string[];
            id: string;
            keywords: string[];
            name: string;
            /** @description Only for the expert’s own institution */
            phone?: string | null;
            /** @enum {string} */
            status: "DRAFT" | "PUBLISHED" | "ARCHIVED";
            title: string | null;
            /**
             * Format: date-time
             * @description UTC, ISO 8601
             */
            updatedAt: string;
        };
        ExpertInput: {
            achievements?: string;
            available: boolean;
            bio?: string;
            consultationFeeYuan?: string;
            consultationMinutes?: number;
            /**
             * @default AFTER_INTRODUCTION
             * @enum {string}
             */
            contactVisibility: "AFTER_INTRODUCTION" | "PUBLIC" | "HIDDEN";
            directions: string[];
            email?: string;
            fieldCodes: string[];
            /**
             * @default publish
             * @enum {string}
             */
            intent: "draft" | "publish";
            keywords: string[];
            name: string;
            phone?: string;
            title?: string;
        };
        Need: {
            /** @description Exact amount in yuan, e.g. "12500.5" */
            budgetMaxYuan: string | null;
            /** @description Exact amount in yuan, e.g. "12500.5" */
            budgetMinYuan: string | null;
            campaignId: string | null;
            /** @description Only for the need’s own enterprise */
            confidentialDetail?: string | null;
            cooperationModes: ("DEVELOPMENT" | "TRANSFER" | "LICENSE" | "CONSULTING" | "SERVICE" | "EQUITY")[];
            /**
             * Format: date-time
             * @description UTC, ISO 8601
             */
            createdAt: string;
            /** @description Calendar date, YYYY-MM-DD */
            deadline: string | null;
            externalId: string | null;
            fieldCode: string | null;
            id: string;
            keywords: string[];
            publishedAt: string | null;
            /** @enum {string} */
            status: "DRAFT" | "PUBLISHED" | "IN_PROGRESS" | "SOLVED" | "CLOSED" | "EXPIRED";
            summary: string;
            title: string;
            triedApproaches?: string | null;
            /**
             * Format: date-time
             * @description UTC, ISO 8601
             */
            updatedAt: string;
            wantedStage: string | null;
        };
        NeedInput: {
            budgetMaxYuan?: string;
            budgetMinYuan?: string;
            campaignId?: string;
            confidentialDetail?: string;
            cooperationModes: ("DEVELOPMENT" | "TRANSFER" | "LICENSE" | "CONSULTING" | "SERVICE" | "EQUITY")[];
            deadline?: string;
            fieldCode: string;
            /**
             * @default draft
             * @enum {string}
             */
            intent: "draft" | "publish";
            keywords: string[];
            summary: string;
            title: string;
            triedApproaches?: string;
            /** @enum {string} */
            wantedStage?: "LAB" | "SMALL_PILOT" | "PILOT" | "INDUSTRIAL";
        };
        Problem: {
            code: string;
            detail: string;
            errors?: {
                [key: string]: {
                    message: string;
                    messageEn: string;
                };
            };
            /** @description In Chinese */
            message: string;
            /** @description In English */
            messageEn: string;
            status: number;
            title: string;
            type: string;
        };
        Result: {
            abstract: string;
            /**
             * Format: date-time
             * @description UTC, ISO 8601
             */
            createdAt: string;
            expertIds: string[];
            externalId: string | null;
            fieldCode: string | null;
            id: string;
            /** @enum {string} */
            ipType: "INVENTION_PATENT" | "UTILITY_MODEL" | "DESIGN_PATENT" | "SOFTWARE_COPYRIGHT" | "IC_LAYOUT" | "PLANT_VARIETY" | "NEW_DRUG" | "TECHNICAL_SECRET" | "OTHER" | "NONE";
            keywords: string[];
            patentNumbers: string[];
            /** @description Exact amount in yuan, e.g. "12500.5" */
            priceMaxYuan: string | null;
            /** @description Exact amount in yuan, e.g. "12500.5" */
            priceMinYuan: string | null;
            publishedAt: string | null;
            stage: ("LAB" | "SMALL_PILOT" | "PILOT" | "INDUSTRIAL") | null;
            /** @enum {string} */
            status: "DRAFT" | "PUBLISHED" | "ARCHIVED";
            title: string;
            transferModes: ("DEVELOPMENT" | "TRANSFER" | "LICENSE" | "CONSULTING" | "SERVICE" | "EQUITY")[];
            trl: number | null;
            /**
             * Format: date-time
             * @description UTC, ISO 8601
             */
            updatedAt: string;
        };
        ResultInput: {
            abstract: string;
            expertIds: string[];
            fieldCode: string;
            /**
             * @default draft
             * @enum {string}
             */
            intent: "draft" | "publish";
            /**
             * @default NONE
             * @enum {string}
             */
            ipType: "INVENTION_PATENT" | "UTILITY_MODEL" | "DESIGN_PATENT" | "SOFTWARE_COPYRIGHT" | "IC_LAYOUT" | "PLANT_VARIETY" | "NEW_DRUG" | "TECHNICAL_SECRET" | "OTHER" | "NONE";
            keywords: string[];
            patentNumbers: string[];
            priceMaxYuan?: string;
            priceMinYuan?: string;
            /** @enum {string} */
            stage?: "LAB" | "SMALL_PILOT" | "PILOT" | "INDUSTRIAL";
            title: string;
            transferModes: ("DEVELOPMENT" | "TRANSFER" | "LICENSE" | "CONSULTING" | "SERVICE" | "EQUITY")[];
            trl?: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
