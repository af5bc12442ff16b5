import { LoadingRows } from "@/components/ui/states";

export default function DeskLoading() {
  return <LoadingRows />;
}
