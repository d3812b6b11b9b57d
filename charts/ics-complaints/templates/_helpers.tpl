{{/* Names and labels, in one place. */}}
{{- define "ics.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{- define "ics.serviceName" -}}
{{- printf "%s-%s" (include "ics.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "ics.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: ics-complaints
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "ics.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/*
The pods that serve requests, apart from the same service's migrate Job: both carry ics.selector, so the network
policies give the Job the same database and broker flows, but a Service, PodDisruptionBudget or PodMonitor that
selected the Job's pod would send it traffic, count it or scrape it while it migrates.
*/}}
{{- define "ics.serving" -}}
{{ include "ics.selector" . }}
app.kubernetes.io/component: server
{{- end -}}

{{/*
A pod's spread over the cluster's failure domains (values topologySpread): one constraint per entry, over the
pods of the same workload and revision (pod-template-hash), so a rollout's new pods are spread among themselves.
*/}}
{{- define "ics.topologySpread" -}}
{{- $spread := .root.Values.topologySpread | default list }}
{{- if $spread }}
topologySpreadConstraints:
{{- range $spread }}
  - maxSkew: {{ .maxSkew | default 1 }}
    topologyKey: {{ .topologyKey }}
    whenUnsatisfiable: {{ .whenUnsatisfiable }}
    labelSelector:
      matchLabels:
        {{- include "ics.selector" $ | nindent 8 }}
    matchLabelKeys: [pod-template-hash]
{{- end }}
{{- end }}
{{- end -}}

{{- define "ics.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .svc.image (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end -}}

{{/*
Environment shared by a service's pods and its migrate Job; with "owner" (the Job), also the database owner's
connection string. Every credential comes from the service's own Secret (ADR 17).
*/}}
{{- define "ics.env" -}}
- name: ASPNETCORE_ENVIRONMENT
  value: Production
- name: OTEL_SERVICE_NAME
  value: {{ .name }}
{{- with .root.Values.otel.endpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
- name: Authentication__Authority
  value: {{ .root.Values.publicUrl | quote }}
{{- if and .svc.broker .root.Values.rabbitmqCluster.enabled }}
{{- include "ics.brokerClusterEnv" . }}
{{- else if .svc.broker }}
- name: ConnectionStrings__rabbitmq
  valueFrom: { secretKeyRef: { name: {{ required "a service with broker needs existingSecret" .svc.existingSecret }}, key: rabbitmq } }
{{- end }}
{{- range .svc.calls }}
{{- if not (hasKey $.root.Values.services .) }}
{{- fail (printf "services.%s.calls names %s, which is not among services" $.name .) }}
{{- end }}
- name: Services__{{ title . }}__Grpc
  value: http://{{ include "ics.serviceName" (dict "root" $.root "name" .) }}:8081
{{- end }}
{{- if .svc.identity }}
- name: Identity__Issuer
  value: {{ .root.Values.publicUrl | quote }}
- name: Identity__SigningKey
  valueFrom: { secretKeyRef: { name: {{ .svc.existingSecret }}, key: identity-signing-key } }
- name: Identity__EncryptionKey
  valueFrom: { secretKeyRef: { name: {{ .svc.existingSecret }}, key: identity-encryption-key } }
- name: Identity__CorrespondenceClientSecret
  valueFrom: { secretKeyRef: { name: {{ .svc.existingSecret }}, key: correspondence-client-secret } }
- name: Identity__LearningClientSecret
  valueFrom: { secretKeyRef: { name: {{ .svc.existingSecret }}, key: learning-client-secret } }
- name: Identity__WebRedirectUris__0
  value: {{ printf "%ssignin-callback" .root.Values.publicUrl | quote }}
- name: Identity__WebPostLogoutRedirectUris__0
  value: {{ printf "%ssignout-callback" .root.Values.publicUrl | quote }}
{{- range $name, $p := .root.Values.externalProviders }}
{{- $at := printf "Identity__ExternalProviders__%s__" $name }}
- name: {{ $at }}DisplayName
  value: {{ $p.displayName | quote }}
- name: {{ $at }}Authority
  value: {{ $p.authority | quote }}
- name: {{ $at }}ClientId
  value: {{ $p.clientId | quote }}
- name: {{ $at }}Audience
  value: {{ $p.audience | quote }}
{{- range $i, $scope := $p.scopes }}
- name: {{ $at }}Scopes__{{ $i }}
  value: {{ $scope | quote }}
{{- end }}
- name: {{ $at }}LinkByEmail
  value: {{ $p.linkByEmail | default false | quote }}
- name: {{ $at }}UseUserInfo
  value: {{ $p.useUserInfo | default false | quote }}
{{- if $p.privateKey }}
- name: {{ $at }}PrivateKey
  valueFrom: { secretKeyRef: { name: {{ $.svc.existingSecret }}, key: {{ $p.secretKey }} } }
{{- with $p.privateKeyId }}
- name: {{ $at }}PrivateKeyId
  value: {{ . | quote }}
{{- end }}
{{- with $p.clientAssertion }}
- name: {{ $at }}ClientAssertion
  value: {{ . | quote }}
{{- end }}
{{- else }}
- name: {{ $at }}ClientSecret
  valueFrom: { secretKeyRef: { name: {{ $.svc.existingSecret }}, key: {{ $p.secretKey }} } }
{{- end }}
{{- end }}
{{- end }}
{{- if .svc.serviceIdentity }}
- name: Correspondence__ServiceIdentity__ClientSecret
  valueFrom: { secretKeyRef: { name: {{ .svc.existingSecret }}, key: correspondence-client-secret } }
{{- /* The survey links it sends point at the portal, where people reach it. */}}
- name: Correspondence__PortalAddress
  value: {{ .root.Values.publicUrl | quote }}
{{- end }}
{{- if .svc.learningIdentity }}
- name: Learning__ServiceIdentity__ClientSecret
  valueFrom: { secretKeyRef: { name: {{ .svc.existingSecret }}, key: learning-client-secret } }
{{- end }}
{{- if .svc.documents }}
{{- include "ics.documentsEnv" . }}
{{- end }}
{{- if .svc.portal }}
- name: Portal__Gateway
  value: http://{{ include "ics.serviceName" (dict "root" .root "name" "gateway") }}:8080/
- name: Portal__Authority
  value: {{ .root.Values.publicUrl | quote }}
- name: Portal__PublicAddress
  value: {{ .root.Values.publicUrl | quote }}
{{- end }}
{{- if and .svc.database .root.Values.postgresqlCluster.enabled }}
{{- include "ics.databaseClusterEnv" . }}
{{- else }}
{{- with .svc.database }}
- name: ConnectionStrings__{{ . }}
  valueFrom: { secretKeyRef: { name: {{ required "a service with a database needs existingSecret" $.svc.existingSecret }}, key: {{ . }} } }
{{- if $.owner }}
- name: ConnectionStrings__{{ . }}Owner
  valueFrom: { secretKeyRef: { name: {{ $.svc.existingSecret }}, key: {{ . }}-owner } }
{{- end }}
{{- end }}
{{- end }}
{{- if .svc.gateway }}
{{- range $name, $other := .root.Values.services }}
{{- if not $other.gateway }}
- name: ReverseProxy__Clusters__{{ $name }}-http__Destinations__{{ $name }}__Address
  value: http://{{ include "ics.serviceName" (dict "root" $.root "name" $name) }}:8080
- name: ReverseProxy__Clusters__{{ $name }}-grpc__Destinations__{{ $name }}__Address
  value: http://{{ include "ics.serviceName" (dict "root" $.root "name" $name) }}:8081
{{- end }}
{{- end }}
{{- end }}
{{- range $key, $value := (merge (dict) (.svc.env | default dict) .root.Values.default.env) }}
- name: {{ $key }}
  value: {{ $value | quote }}
{{- end }}
{{- end -}}


{{/*
Where a service that keeps documents (case: files on cases; correspondence: letters as sent) keeps them and which clamd
scans them (values documents). The S3 credentials, when a
Secret is named, go to the service's pods only, not its migrate Job.
*/}}
{{- define "ics.documentsEnv" -}}
{{- $scanner := .root.Values.documents.scanner }}
{{- $storage := .root.Values.documents.storage }}
{{- if and (not $scanner.host) (not $scanner.deploy) }}
{{- fail "documents.scanner.host is empty and documents.scanner.deploy is false: documents need a clamd" }}
{{- end }}
- name: Documents__Scanner__Host
  value: {{ $scanner.host | default (include "ics.serviceName" (dict "root" .root "name" "clamav")) | quote }}
- name: Documents__Scanner__Port
  value: {{ $scanner.port | quote }}
- name: Documents__Storage__Kind
  value: {{ $storage.kind | quote }}
{{- if eq $storage.kind "S3" }}
{{- $s3 := $storage.s3 | default dict }}
- name: Documents__Storage__S3__Bucket
  value: {{ required "documents.storage.s3.bucket is needed when documents.storage.kind is S3" $s3.bucket | quote }}
{{- with $s3.serviceUrl }}
- name: Documents__Storage__S3__ServiceUrl
  value: {{ . | quote }}
{{- end }}
{{- with $s3.region }}
- name: Documents__Storage__S3__Region
  value: {{ . | quote }}
{{- end }}
- name: Documents__Storage__S3__ForcePathStyle
  value: {{ $s3.forcePathStyle | default false | quote }}
{{- if and $s3.existingSecret (not .owner) }}
- name: AWS_ACCESS_KEY_ID
  valueFrom: { secretKeyRef: { name: {{ $s3.existingSecret }}, key: AWS_ACCESS_KEY_ID } }
- name: AWS_SECRET_ACCESS_KEY
  valueFrom: { secretKeyRef: { name: {{ $s3.existingSecret }}, key: AWS_SECRET_ACCESS_KEY } }
{{- end }}
{{- end }}
{{- end -}}
